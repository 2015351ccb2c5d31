import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

export const DATA_EXPORT_SUBJECT_KINDS = ['user', 'contact', 'client'] as const;
export type DataExportSubjectKind = (typeof DATA_EXPORT_SUBJECT_KINDS)[number];
export const DATA_EXPORT_STATUSES = ['queued', 'building', 'ready', 'expired', 'failed'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/**
 * One access/portability export of one data subject: the build's progress, where its
 * encrypted file lies and until when its link opens it. The row outlives the file (status
 * `expired`) as the proof that the right of access was honoured.
 */
@Entity('data_exports')
@Index('IDX_data_exports_subject', ['organizationId', 'subjectKind', 'subjectId'])
@Index('IDX_data_exports_status_expires', ['status', 'expiresAt'])
// The emailed download link names the export, not its organization: a plain index serves that lookup.
@Index('IDX_data_exports_id', ['id'])
export class DataExportEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('surrogate key')
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @NotPersonal('kind of data subject')
  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind: DataExportSubjectKind;

  @NotPersonal('random id of the subject; identifies nobody once the subject is erased')
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @NotPersonal('random id of the staff account that asked (null: the system)')
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @NotPersonal('processing state')
  @Column({ type: 'varchar', length: 16 })
  status: DataExportStatus;

  @NotPersonal('count of categories written so far')
  @Column({ name: 'categories_done', type: 'integer', default: 0 })
  categoriesDone: number;

  @NotPersonal('count of categories the registry lists for the subject')
  @Column({ name: 'categories_total', type: 'integer', default: 0 })
  categoriesTotal: number;

  @NotPersonal('path of the encrypted file under DATA_DIR, made of ids only')
  @Column({ name: 'file_path', type: 'text', nullable: true })
  filePath: string | null;

  @NotPersonal('size of the ZIP in bytes')
  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes: number | null;

  @NotPersonal('SHA-256 of the ZIP, for the downloader to check')
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256: string | null;

  @NotPersonal('the per-export file key, sealed by a key derived from the master key; nulled on purge')
  @Column({ name: 'wrapped_key', type: 'bytea', nullable: true })
  wrappedKey: Buffer | null;

  @NotPersonal('SHA-256 of the download link token; the token itself is never stored')
  @Column({ name: 'link_token_hash', type: 'varchar', length: 64, nullable: true })
  linkTokenHash: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @NotPersonal('technical timestamp: the link stops working and the file is purged')
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @NotPersonal('technical timestamp: first download')
  @Column({ name: 'downloaded_at', type: 'timestamptz', nullable: true })
  downloadedAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt: Date | null;
}
