import { AppError } from '../common/app-error.js';

export const emailTaken = () => new AppError('conflict', 'An account with this email already exists');
export const weakPassword = (problems: string[]) =>
  new AppError('validation-failed', `password ${problems.join('; ')}`, {
    errors: problems.map((message) => ({ field: 'password', message: `password ${message}` })),
  });
