import { notifications } from '@mantine/notifications';
import { problemOf } from '../../../api/problems';
import { type Job, type JobStatus, useChangeJobStatus } from '../../../api/use-jobs';
import { JOB_STATUS_LABELS, JOB_TRANSITIONS, jobNumber } from '../work-labels';

export interface MoveCallbacks {
  onMoved?: (job: Job) => void;
  /** After the API answered, moved or not (a board drops its optimistic placement here). */
  onSettled?: () => void;
}

/** "Scheduled or Cancelled": where a job in `from` may go next, in words. */
export function nextStatusesInWords(from: JobStatus): string {
  const labels = JOB_TRANSITIONS[from].map((status) => JOB_STATUS_LABELS[status].label);
  if (labels.length === 0) return 'nowhere: it is closed';
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** Says, in a notification, why a move the workflow does not allow was not made. */
export function refuseMove(job: Job, to: JobStatus): void {
  const from = JOB_STATUS_LABELS[job.status].label;
  notifications.show({
    color: 'red',
    autoClose: 10_000,
    title: `Job ${jobNumber(job.number)} cannot move from ${from} to ${JOB_STATUS_LABELS[to].label}`,
    message: `From ${from} a job can go to ${nextStatusesInWords(job.status)}. It stays where it was.`,
  });
}

/**
 * Moves a job along its workflow with the version that was read. A move the workflow does
 * not allow is refused here with the reason, before any request. A 409 (someone moved or
 * changed it meanwhile, or the move is no longer allowed) is said plainly, and the job is
 * reloaded so the person sees its real state before trying again.
 */
export function useMoveJob({ quiet = false }: { quiet?: boolean } = {}) {
  const change = useChangeJobStatus();
  const move = (job: Job, status: JobStatus, { onMoved, onSettled }: MoveCallbacks = {}): boolean => {
    if (!JOB_TRANSITIONS[job.status].includes(status)) {
      refuseMove(job, status);
      onSettled?.();
      return false;
    }
    change.mutate(
      { id: job.id, version: job.version, status },
      {
        onSuccess: (moved) => {
          // Where the job's own badge changes (its page), a toast would only repeat it.
          if (!quiet)
            notifications.show({
              color: 'teal',
              message: `Job ${jobNumber(job.number)} is now ${JOB_STATUS_LABELS[moved.status].label.toLowerCase()}.`,
            });
          onMoved?.(moved);
        },
        onError: (error) => {
          const problem = problemOf(error);
          const stale = problem?.problem.status === 409;
          notifications.show({
            color: stale ? 'yellow' : 'red',
            autoClose: stale ? 10_000 : undefined,
            title: stale
              ? `Job ${jobNumber(job.number)} was not moved: someone changed it meanwhile`
              : `Job ${jobNumber(job.number)} was not moved`,
            message: stale
              ? `${problem?.problem.detail ?? ''} What you see now has been reloaded; try again if the move still makes sense.`
              : (problem?.message ?? 'Something went wrong'),
          });
        },
        onSettled: () => onSettled?.(),
      },
    );
    return true;
  };
  return { move, pending: change.isPending, pendingFor: change.isPending ? change.variables?.id : undefined };
}
