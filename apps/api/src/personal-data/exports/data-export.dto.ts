import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  DATA_EXPORT_SUBJECT_KINDS,
  type DataExportEntity,
  type DataExportStatus,
  type DataExportSubjectKind,
} from './entities/data-export.entity.js';

export class DataExportStartDto {
  /** Whose data: a staff user, a contact, or a client who is a person. */
  @IsIn(DATA_EXPORT_SUBJECT_KINDS)
  subjectKind: DataExportSubjectKind;

  /** The user's, contact's or client's id. */
  @IsUUID()
  subjectId: string;
}

export class DataExportDownloadQueryDto {
  /** The secret of the download link, as it was handed out (a link without it opens nothing: 404). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

export class DataExportProgressDto {
  /** Categories written so far. */
  done: number;
  /** Categories the personal-data registry lists for the subject (0 until the build starts). */
  total: number;
}

export class DataExportResponseDto {
  id: string;
  subjectKind: DataExportSubjectKind;
  subjectId: string;
  /** queued → building → ready; expired once the link has expired and the file is deleted; failed after retries. */
  status: DataExportStatus;
  progress: DataExportProgressDto;
  requestedAt: Date;
  readyAt: Date | null;
  /** The download link stops working and the file is deleted at this time. */
  expiresAt: Date | null;
  /** First download, if any. */
  downloadedAt: Date | null;
  /** Size of the ZIP in bytes, once ready. */
  sizeBytes: number | null;
  /** SHA-256 of the ZIP (hex), to check a download against. */
  sha256: string | null;
}

export class DataExportStartedResponseDto extends DataExportResponseDto {
  /**
   * The download link for the subject, valid until `expiresAt` once the export is ready.
   * Shown once: only a hash of its token is stored. Hand it over only after verifying the person.
   */
  downloadUrl: string;
}

export class DataExportListResponseDto {
  items: DataExportResponseDto[];
}

export function toDataExportResponse(row: DataExportEntity): DataExportResponseDto {
  return {
    id: row.id,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    status: row.status,
    progress: { done: row.categoriesDone, total: row.categoriesTotal },
    requestedAt: row.requestedAt,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
    downloadedAt: row.downloadedAt,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
  };
}
