import type { JobStatus } from '../crm.types.js';

/**
 * The job workflow: new → scheduled → in_progress → completed → invoiced, and cancelled
 * from any state before the work is done. Completed and invoiced work cannot be cancelled
 * (it happened; a credit note is billing's business), and nothing leaves cancelled or invoiced.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  new: ['scheduled', 'cancelled'],
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['invoiced'],
  invoiced: [],
  cancelled: [],
};

/** The columns of the jobs board: work not yet done. */
export const OPEN_JOB_STATUSES = ['new', 'scheduled', 'in_progress'] as const satisfies readonly JobStatus[];

/** Only jobs nothing happened on yet, or abandoned ones, may be deleted; the rest is history. */
export const DELETABLE_JOB_STATUSES = ['new', 'cancelled'] as const satisfies readonly JobStatus[];

/** Visits can be booked while the job is not closed (completed work may need a follow-up visit). */
export const VISITABLE_JOB_STATUSES = [
  'new',
  'scheduled',
  'in_progress',
  'completed',
] as const satisfies readonly JobStatus[];

export const nextStatuses = (from: JobStatus): readonly JobStatus[] => JOB_TRANSITIONS[from];

export const canMove = (from: JobStatus, to: JobStatus): boolean => JOB_TRANSITIONS[from].includes(to);
