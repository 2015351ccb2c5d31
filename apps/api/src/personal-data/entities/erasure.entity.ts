import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

export const ERASURE_SUBJECT_KINDS = ['user', 'contact', 'client'] as const;

/**
 * One erasure of one data subject: the pipeline's progress, kept as its proof. The subject
 * is named by the random id its records had; once they and its key are gone the id
 * identifies nobody.
 */
@Entity('erasures')
export class ErasureEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('surrogate key')
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @NotPersonal('kind of data subject')
  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind: (typeof ERASURE_SUBJECT_KINDS)[number];

  @NotPersonal('random id of the erased records; identifies nobody once they and the key are gone')
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @NotPersonal('technical timestamp')
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @NotPersonal('technical timestamp: the subject key was destroyed')
  @Column({ name: 'key_destroyed_at', type: 'timestamptz', nullable: true })
  keyDestroyedAt: Date | null;

  @NotPersonal('technical timestamp: a legal hold stopped the erasure; null once it may go on')
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** What one category did for one erasure: written in the transaction of each step. */
@Entity('erasure_receipts')
export class ErasureReceiptEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the erasure this receipt belongs to')
  @PrimaryColumn({ name: 'erasure_id', type: 'uuid' })
  erasureId: string;

  @NotPersonal('personal-data category name')
  @PrimaryColumn({ type: 'varchar', length: 64 })
  category: string;

  @NotPersonal('delete or deidentify')
  @Column({ type: 'varchar', length: 16 })
  mode: 'delete' | 'deidentify';

  @NotPersonal('count of records')
  @Column({ type: 'integer', default: 0 })
  affected: number;

  @NotPersonal('count of records kept despite the request')
  @Column({ name: 'retained_records', type: 'integer', nullable: true })
  retainedRecords: number | null;

  @NotPersonal('why records were kept: a legal ground, no personal value')
  @Column({ name: 'retained_reason', type: 'text', nullable: true })
  retainedReason: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
