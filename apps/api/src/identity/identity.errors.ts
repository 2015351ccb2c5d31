import { AppError } from '../common/app-error.js';

export const emailTaken = (detail = 'An account with this email already exists') => new AppError('conflict', detail);
/** Told only to the holder of an invitation link, who owns the address. */
export const addressHasAccount = () =>
  new AppError(
    'conflict',
    'This email address already has a Steward CRM account, and one address can belong to one organization. Ask whoever invited you to invite another address, or close the other account first.',
  );
/** `field` names the form field the password came in (`password`, `newPassword`). */
export const weakPassword = (problems: string[], field = 'password') =>
  new AppError('validation-failed', `${field} ${problems.join('; ')}`, {
    errors: problems.map((message) => ({ field, message: `${field} ${message}` })),
  });
