import { AppError } from '../common/app-error.js';

export const emailTaken = () => new AppError('conflict', 'An account with this email already exists');
/** `field` names the form field the password came in (`password`, `newPassword`). */
export const weakPassword = (problems: string[], field = 'password') =>
  new AppError('validation-failed', `${field} ${problems.join('; ')}`, {
    errors: problems.map((message) => ({ field, message: `${field} ${message}` })),
  });
