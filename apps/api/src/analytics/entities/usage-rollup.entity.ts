import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * A day whose raw events were counted into `usage_daily`. Raw events are only ever deleted for
 * days listed here, so a day that was never rolled up (the job did not run) keeps its events.
 */
@Entity('usage_rollups')
export class UsageRollupEntity {
  @NotPersonal('the UTC day rolled up')
  @PrimaryColumn({ type: 'date' })
  day: string;

  @NotPersonal('when it was rolled up')
  @Column({ name: 'rolled_up_at', type: 'timestamptz' })
  rolledUpAt: Date;

  @NotPersonal('how many raw events the day had, all organizations together')
  @Column({ type: 'integer' })
  events: number;
}
