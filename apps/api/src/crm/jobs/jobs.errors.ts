import { AppError } from '../../common/app-error.js';
import type { JobStatus } from '../crm.types.js';
import { nextStatuses } from './job-workflow.js';

/** A 400 naming the field, the shape class-validator errors have too. */
export const invalidField = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

export function illegalTransition(from: JobStatus, to: JobStatus): AppError {
  const allowed = nextStatuses(from);
  const detail = allowed.length
    ? `A job in status ${from} can move only to ${allowed.join(' or ')}, not to ${to}`
    : `A job in status ${from} cannot change status any more`;
  return new AppError('conflict', detail, { allowed: [...allowed] });
}

export interface Clash {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** Only ids and times of the clashing entries: their titles may be about clients the caller cannot see. */
export const doubleBooked = (conflicts: Clash[]) =>
  new AppError(
    'conflict',
    'The assignee is already booked at that time; pick another time or send allowDoubleBooking: true',
    { conflicts: conflicts.map(({ id, startsAt, endsAt }) => ({ id, startsAt, endsAt })) },
  );

export const clientRestricted = () =>
  new AppError('conflict', 'Processing of this client is restricted; its jobs and appointments are read-only');
