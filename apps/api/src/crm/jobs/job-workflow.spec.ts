import { JOB_STATUSES, type JobStatus } from '../crm.types.js';
import { canMove, DELETABLE_JOB_STATUSES, JOB_TRANSITIONS, nextStatuses, OPEN_JOB_STATUSES } from './job-workflow.js';

describe('job workflow', () => {
  it('should allow exactly the forward path and cancelling open jobs', () => {
    const allowed = JOB_STATUSES.flatMap((from) =>
      JOB_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'new→scheduled',
        'scheduled→in_progress',
        'in_progress→completed',
        'completed→invoiced',
        'new→cancelled',
        'scheduled→cancelled',
        'in_progress→cancelled',
      ].sort(),
    );
  });

  it('should make invoiced and cancelled final, and never stay in place', () => {
    expect(nextStatuses('invoiced')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
    for (const status of JOB_STATUSES) expect(canMove(status, status)).toBe(false);
  });

  it('should cover every status, open ones being those that can still be cancelled', () => {
    expect(Object.keys(JOB_TRANSITIONS).sort()).toEqual([...JOB_STATUSES].sort());
    const cancellable = JOB_STATUSES.filter((status: JobStatus) => canMove(status, 'cancelled'));
    expect(cancellable).toEqual([...OPEN_JOB_STATUSES]);
    expect(DELETABLE_JOB_STATUSES).toEqual(['new', 'cancelled']);
  });
});
