import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import type { RunStatus, RunTrigger } from '../retention.types.js';

/**
 * One run of one retention rule: the cut-off it fixed when it started (a resumed run keeps it,
 * so a killed run ends with the same counts), its progress, and its totals. At most one run per
 * rule is running at a time (a partial unique index), across every replica.
 */
@Entity('retention_runs')
@Index('UQ_retention_runs_running', ['rule'], { unique: true, where: "status = 'running'" })
@Index('IDX_retention_runs_started', ['startedAt'])
@Index('IDX_retention_runs_organization', ['organizationId', 'startedAt'])
export class RetentionRunEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('the rule run')
  @Column({ type: 'varchar', length: 64 })
  rule: string;

  @NotPersonal('tenant key of an on-demand run for one organization; null for the scheduled run over all')
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @NotPersonal('schedule or manual')
  @Column({ type: 'varchar', length: 16 })
  trigger: RunTrigger;

  @NotPersonal('user or api_key that asked for an on-demand run')
  @Column({ name: 'requested_by_kind', type: 'varchar', length: 16, nullable: true })
  requestedByKind: string | null;

  @NotPersonal('id of the staff member or API key that asked for an on-demand run')
  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById: string | null;

  @NotPersonal('settings path of the period')
  @Column({ type: 'varchar', length: 64 })
  setting: string;

  @NotPersonal('the period in force when the run started')
  @Column({ name: 'setting_value', type: 'integer' })
  settingValue: number;

  @NotPersonal(
    'what was older than this was eligible (the platform period; an organization’s own period counts from `measured_at`)',
  )
  @Column({ type: 'timestamptz' })
  cutoff: Date;

  @NotPersonal('the instant the periods were measured back from')
  @Column({ name: 'measured_at', type: 'timestamptz' })
  measuredAt: Date;

  @NotPersonal('running, completed or failed')
  @Column({ type: 'varchar', length: 16 })
  status: RunStatus;

  @NotPersonal('rows purged per category, all organizations')
  @Column({ type: 'jsonb', default: {} })
  purged: Record<string, number>;

  @NotPersonal('eligible rows kept because a legal hold covers them, counted when the run started')
  @Column({ type: 'integer', default: 0 })
  held: number;

  @NotPersonal('bounded batches done (each one short transaction)')
  @Column({ type: 'integer', default: 0 })
  batches: number;

  @NotPersonal('technical timestamp')
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @NotPersonal('technical timestamp: the run is alive; a run silent for minutes is taken over and resumed')
  @Column({ name: 'heartbeat_at', type: 'timestamptz' })
  heartbeatAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @NotPersonal('an error class and message of the rule, never row data')
  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;
}
