import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { RetentionRunEntity } from './retention-run.entity.js';

/** What one run purged (and kept under a legal hold) in one organization: its purge history. */
@Entity('retention_receipts')
@Index('UQ_retention_receipts_run_organization', ['runId', 'organizationId'], { unique: true })
@Index('IDX_retention_receipts_organization', ['organizationId', 'createdAt'])
export class RetentionReceiptEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('the run')
  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @ManyToOne(() => RetentionRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: RetentionRunEntity;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('rows purged per category')
  @Column({ type: 'jsonb', default: {} })
  purged: Record<string, number>;

  @NotPersonal('eligible rows kept because a legal hold covers them')
  @Column({ type: 'integer', default: 0 })
  held: number;

  @NotPersonal('technical timestamp')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
