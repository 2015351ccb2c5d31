import { notifications } from '@mantine/notifications';
import { problemOf } from '../../../api/problems';
import { type Job, type JobStatus, useChangeJobStatus } from '../../../api/use-jobs';
import { JOB_STATUS_LABELS, jobNumber } from '../work-labels';

/**
 * Moves a job along its workflow with the version that was read. A 409 (someone moved or
 * changed it meanwhile, or the move is no longer allowed) is said plainly, and the job is
 * reloaded so the person sees its real state before trying again.
 */
export function useMoveJob({ quiet = false }: { quiet?: boolean } = {}) {
  const change = useChangeJobStatus();
  const move = (job: Job, status: JobStatus, onMoved?: (job: Job) => void) =>
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
      },
    );
  return { move, pending: change.isPending, pendingFor: change.isPending ? change.variables?.id : undefined };
}
