import { AppError } from '../common/app-error.js';

/** What a person tells us about their age: a date of birth, or a confirmation. */
export interface AgeAnswer {
  /** YYYY-MM-DD. Used for the check only, never stored or logged. */
  dateOfBirth?: string;
  /** "I am at least N years old." */
  confirmAge?: boolean;
}

const invalid = (message: string) =>
  new AppError('validation-failed', message, { errors: [{ field: 'dateOfBirth', message }] });

/** Whole years between a date of birth and `today` (both calendar dates, UTC). */
export function ageOn(dateOfBirth: string, today: Date): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!match) throw invalid('dateOfBirth must be a date like 1990-04-23');
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalid('dateOfBirth is not a real calendar date');
  }
  if (date > today) throw invalid('dateOfBirth is in the future');
  if (year < 1900) throw invalid('dateOfBirth is before 1900');
  const birthdayPassed =
    today.getUTCMonth() > month - 1 || (today.getUTCMonth() === month - 1 && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
}

/**
 * The age gate of sign-up and of accepting an invitation. Throws `under-minimum-age`
 * before anything is written, so a refused person leaves no data behind.
 */
export function assertMinimumAge(minAge: number, answer: AgeAnswer, today: Date): void {
  if (answer.dateOfBirth === undefined && answer.confirmAge === undefined) {
    throw new AppError('validation-failed', `Give your date of birth or confirm you are at least ${minAge}`, {
      errors: [{ field: 'dateOfBirth', message: `Give your date of birth or confirm you are at least ${minAge}` }],
    });
  }
  const oldEnough =
    answer.dateOfBirth !== undefined ? ageOn(answer.dateOfBirth, today) >= minAge : answer.confirmAge === true;
  if (!oldEnough) {
    throw new AppError(
      'under-minimum-age',
      `You need to be at least ${minAge} to have an account here. Nothing you entered has been kept.`,
      { minimumAge: minAge },
    );
  }
}
