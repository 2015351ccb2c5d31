import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type DataSubject, PersonalDataRegistry } from '#personal-data';
import { AuditService } from '../../audit/audit.service.js';
import type { AuditActor } from '../../audit/audit.types.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { TransactionService } from '../../database/transaction.service.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { DataExportRepository } from './data-export.repository.js';
import type { DataExportEntity } from './entities/data-export.entity.js';
import { ExportFiles } from './export-files.js';

export const BUILD_DATA_EXPORT = 'personal-data.export';
const LIST_LIMIT = 20;

export interface StartedExport {
  export: DataExportEntity;
  /** The download link's secret, shown once: only its hash is stored. */
  token: string;
}

export interface ExportDownload {
  zip: Buffer;
  fileName: string;
  sha256: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Access and portability exports (GDPR Art. 15 and 20): `start` records the export and
 * enqueues its build (DataExportJob) in one transaction; the subject, or whoever holds the
 * link's token, downloads the decrypted ZIP until the link expires, and the purge tick then
 * deletes the file. Other contexts (the request desk) call `start`.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly exports: DataExportRepository,
    private readonly files: ExportFiles,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts an export of every category the registry lists for `subject`. `requestedBy` is
   * the staff account that asked (the subject themselves for a user's own export), or null.
   */
  async start(subject: DataSubject, requestedBy: string | null): Promise<StartedExport> {
    if (this.registry.forSubject(subject).length === 0) {
      throw new AppError('bad-request', `No personal-data category holds a ${subject.kind}`);
    }
    const id = randomUUID();
    const token = randomBytes(32).toString('base64url');
    await this.transactions.run(async (tx) => {
      await this.exports.insert(
        {
          organizationId: subject.organizationId,
          id,
          subjectKind: subject.kind,
          subjectId: subject.id,
          requestedBy,
          wrappedKey: this.files.newWrappedKey(id),
          linkTokenHash: hashToken(token),
          requestedAt: this.clock.now(),
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: subject.organizationId,
        action: 'privacy.export.requested',
        targetType: subject.kind,
        targetId: subject.id,
        details: { export: id },
      });
      await this.jobs.enqueue(tx, BUILD_DATA_EXPORT, { organizationId: subject.organizationId, exportId: id });
    });
    return { export: (await this.exports.find(subject.organizationId, id)) as DataExportEntity, token };
  }

  /** Starts an export for a subject the organization holds data about; 404 when it holds none. */
  async startForSubject(subject: DataSubject, requestedBy: string | null): Promise<StartedExport> {
    const counts = await this.registry.locateAll(subject);
    if (!Object.values(counts).some((count) => count > 0)) {
      throw new AppError('not-found', `No ${subject.kind} ${subject.id} in your organization`);
    }
    return this.start(subject, requestedBy);
  }

  /** A user's own export: one at a time, so a double click does not build two. */
  async startOwn(subject: DataSubject): Promise<StartedExport> {
    const [latest] = await this.exports.listForSubject(subject.organizationId, subject.kind, subject.id, 1);
    if (latest && (latest.status === 'queued' || latest.status === 'building')) {
      throw new AppError('conflict', 'Your data export is already being prepared', { exportId: latest.id });
    }
    return this.start(subject, subject.id);
  }

  async get(organizationId: string, id: string): Promise<DataExportEntity> {
    const found = await this.exports.find(organizationId, id);
    if (!found) throw new AppError('not-found', `No data export ${id} in your organization`);
    return found;
  }

  /** The subject's own export, or 404 (another person's export is not theirs to see). */
  async getOwn(subject: DataSubject, id: string): Promise<DataExportEntity> {
    const found = await this.exports.find(subject.organizationId, id);
    if (!found || found.subjectKind !== subject.kind || found.subjectId !== subject.id) {
      throw new AppError('not-found', `No data export ${id} of yours`);
    }
    return found;
  }

  listOwn(subject: DataSubject): Promise<DataExportEntity[]> {
    return this.exports.listForSubject(subject.organizationId, subject.kind, subject.id, LIST_LIMIT);
  }

  /** A signed-in user downloads their own export. */
  async downloadOwn(subject: DataSubject, id: string): Promise<ExportDownload> {
    return this.deliver(await this.getOwn(subject, id), { kind: 'user', id: subject.id });
  }

  /**
   * Whoever holds the link downloads the export: the token decides, compared in constant
   * time. A wrong token answers as an unknown export does, so ids cannot be probed.
   */
  async downloadWithToken(id: string, token: string): Promise<ExportDownload> {
    const found = await this.exports.findById(id);
    const expected = found?.linkTokenHash ? Buffer.from(found.linkTokenHash, 'hex') : null;
    const given = Buffer.from(hashToken(token), 'hex');
    if (!found || !expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      if (found?.status === 'expired') this.gone();
      throw new AppError('not-found', 'No data export for this link');
    }
    return this.deliver(found, { kind: 'anonymous', id: null });
  }

  /**
   * The subject is being erased: every copy of their data an export holds goes too (files
   * deleted, key and token forgotten), and a build in flight never turns ready. Called by
   * the erasure before it destroys the subject's key. Idempotent.
   */
  /**
   * The files of a purged organization's exports. Their rows (with the keys that open them) go
   * with the organization's tables; this removes the sealed files from disk too.
   */
  discardOrganizationFiles(organizationId: string): Promise<void> {
    return this.files.removeOrganization(organizationId);
  }

  async discardForSubject(subject: DataSubject): Promise<number> {
    let discarded = 0;
    for (const found of await this.exports.listLiveForSubject(subject.organizationId, subject.kind, subject.id)) {
      await this.transactions.run(async (tx) => {
        if (!(await this.exports.discard(found.organizationId, found.id, this.clock.now(), tx))) return;
        discarded++;
        this.audit.record(tx, {
          organizationId: found.organizationId,
          action: 'privacy.export.purged',
          actor: { kind: 'system', id: null },
          targetType: found.subjectKind,
          targetId: found.subjectId,
          details: { export: found.id, reason: 'erasure' },
        });
      });
      await this.files.remove(found.organizationId, found.id);
    }
    return discarded;
  }

  private async deliver(found: DataExportEntity, actor: AuditActor): Promise<ExportDownload> {
    const now = this.clock.now();
    if (found.status === 'expired' || (found.expiresAt && found.expiresAt <= now)) this.gone();
    if (found.status === 'failed') throw new AppError('conflict', 'This data export failed; start a new one');
    if (found.status !== 'ready' || !found.wrappedKey || !found.sha256) {
      throw new AppError('conflict', 'This data export is still being prepared');
    }
    let zip: Buffer;
    try {
      zip = await this.files.readArchive(found.organizationId, found.id, found.wrappedKey);
    } catch {
      // Purged between the read of the row and of the file.
      this.gone();
    }
    await this.exports.markDownloaded(found.organizationId, found.id, now);
    await this.audit.recordNow({
      organizationId: found.organizationId,
      action: 'privacy.export.downloaded',
      actor,
      targetType: found.subjectKind,
      targetId: found.subjectId,
      details: { export: found.id },
    });
    return { zip, fileName: `data-export-${found.id}.zip`, sha256: found.sha256 };
  }

  private gone(): never {
    throw new AppError('gone', 'This download link has expired and the file was deleted; request a new export');
  }
}
