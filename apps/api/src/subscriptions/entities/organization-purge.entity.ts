import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * The purge of one ended organization: its progress (a restarted run continues from here)
 * and, once completed, its proof. Keyed by the organization's id under another name, so the
 * purge of "every row carrying organization_id" leaves it standing; the id identifies nobody
 * once the organization row is gone.
 */
@Entity('organization_purges')
export class OrganizationPurgeEntity {
  @NotPersonal('random id of the purged organization')
  @PrimaryColumn({ name: 'purged_organization_id', type: 'uuid' })
  purgedOrganizationId: string;

  @NotPersonal('running or completed')
  @Column({ type: 'varchar', length: 16 })
  status: 'running' | 'completed';

  @NotPersonal('technical timestamp')
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @NotPersonal('progress counter')
  @Column({ type: 'integer', default: 0 })
  batches: number;

  /** Rows deleted per table so far. */
  @NotPersonal('counts per table')
  @Column({ type: 'jsonb', default: {} })
  removed: Record<string, number>;

  @NotPersonal('progress counter')
  @Column({ name: 'keys_destroyed', type: 'integer', default: 0 })
  keysDestroyed: number;
}
