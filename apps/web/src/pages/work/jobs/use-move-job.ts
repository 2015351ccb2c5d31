import { notifications } from '@mantine/notifications';
import { problemOf } from '../../../api/problems';
import { type Job, type JobStatus, useChangeJobStatus } from '../../../api/use-jobs';
import { i18n } from '../../../i18n/i18n';
import { JOB_STATUS_LABELS, JOB_TRANSITIONS, jobNumber } from '../work-labels';

export interface MoveCallbacks {
  onMoved?: (job: Job) => void;
  /** After the API answered, moved or not (a board drops its optimistic placement here). */
  onSettled?: () => void;
}

/** "Scheduled or Cancelled": where a job in `from` may go next, in words. */
export function nextStatusesInWords(from: JobStatus): string {
  const labels = JOB_TRANSITIONS[from].map((status) => JOB_STATUS_LABELS[status].label);
  if (labels.length === 0) return i18n.t('jobMove.nowhere');
  return labels.length === 1
    ? labels[0]
    : i18n.t('jobMove.or', { list: labels.slice(0, -1).join(', '), last: labels.at(-1) });
}

/** Says, in a notification, why a move the workflow does not allow was not made. */
export function refuseMove(job: Job, to: JobStatus): void {
  const from = JOB_STATUS_LABELS[job.status].label;
  notifications.show({
    color: 'red',
    autoClose: 10_000,
    title: i18n.t('jobMove.refusedTitle', { number: jobNumber(job.number), from, to: JOB_STATUS_LABELS[to].label }),
    message: i18n.t('jobMove.refusedText', { from, next: nextStatusesInWords(job.status) }),
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
              message: i18n.t('jobMove.moved', {
                number: jobNumber(job.number),
                status: JOB_STATUS_LABELS[moved.status].label,
              }),
            });
          onMoved?.(moved);
        },
        onError: (error) => {
          const problem = problemOf(error);
          const stale = problem?.problem.status === 409;
          notifications.show({
            color: stale ? 'yellow' : 'red',
            autoClose: stale ? 10_000 : undefined,
            title: i18n.t(stale ? 'jobMove.staleTitle' : 'jobMove.failedTitle', { number: jobNumber(job.number) }),
            message: stale
              ? i18n.t('jobMove.staleText', { detail: problem?.problem.detail ?? '' }).trim()
              : (problem?.message ?? i18n.t('common.somethingWentWrong')),
          });
        },
        onSettled: () => onSettled?.(),
      },
    );
    return true;
  };
  return { move, pending: change.isPending, pendingFor: change.isPending ? change.variables?.id : undefined };
}
