import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { type DataSubject, type ExportRecord, PersonalDataRegistry } from '#personal-data';
import { AuditService } from '../../audit/audit.service.js';
import { Clock } from '../../common/clock.js';
import { AppSettings } from '../../config/settings.module.js';
import { TransactionService } from '../../database/transaction.service.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { DataExportRepository } from './data-export.repository.js';
import { BUILD_DATA_EXPORT } from './data-export.service.js';
import { buildArchive, type ExportManifest } from './export-archive.js';
import { ExportFiles } from './export-files.js';

export const PURGE_DATA_EXPORTS = 'personal-data.export-purge';
const BUILD_RETRIES = 3;
/** Expired exports one purge run deletes: a backlog is worked off over the next ticks. */
const PURGE_BATCH = 200;

/**
 * Builds access exports and purges expired ones, as jobs.
 *
 * The build is check → act → record per category: each category's records are written to
 * their own sealed part file (atomically) and the progress saved; a retry after a crash or a
 * killed worker skips the categories whose part exists, so it never writes one twice. When all
 * are written, the ZIP is assembled from the parts, sealed, written over the one path the
 * export has, and the row turns ready once (a conditional update): one export, one file,
 * however many attempts ran.
 */
@Injectable()
export class DataExportJob implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly exports: DataExportRepository,
    private readonly files: ExportFiles,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly settings: AppSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ organizationId: string; exportId: string }>({
      name: BUILD_DATA_EXPORT,
      handle: async ({ organizationId, exportId }, job) => {
        try {
          await this.build(organizationId, exportId);
        } catch (error) {
          if (job.retryCount >= BUILD_RETRIES) await this.fail(organizationId, exportId);
          throw error;
        }
      },
      retryLimit: BUILD_RETRIES,
      // A killed worker's attempt is retried after this; the build resumes from its parts.
      expireInSeconds: 600,
      retryDelaySeconds: 10,
    });
    await this.jobs.register({ name: PURGE_DATA_EXPORTS, handle: async () => void (await this.purgeExpired()) });
  }

  @Cron('0 10 * * * *', { name: PURGE_DATA_EXPORTS, timeZone: 'UTC' })
  hourly(): Promise<string | null> {
    return this.jobs.tick(PURGE_DATA_EXPORTS, this.clock.now());
  }

  /** The build's handler: idempotent and resumable. Returns the manifest when it finished the export. */
  async build(organizationId: string, exportId: string): Promise<ExportManifest | null> {
    const found = await this.exports.find(organizationId, exportId);
    if (!found?.wrappedKey || (found.status !== 'queued' && found.status !== 'building')) return null;
    const key = found.wrappedKey;
    const subject: DataSubject = { kind: found.subjectKind, id: found.subjectId, organizationId };
    const providers = this.registry.forSubject(subject);
    await this.exports.markBuilding(organizationId, exportId, providers.length);

    const written = await this.files.writtenParts(organizationId, exportId);
    let done = providers.filter((provider) => written.has(provider.category)).length;
    await this.exports.saveProgress(organizationId, exportId, done);
    for (const provider of providers) {
      if (written.has(provider.category)) continue;
      const records: ExportRecord[] = [];
      for await (const record of provider.export(subject)) records.push(record);
      await this.files.writePart(organizationId, exportId, key, { category: provider.category, records });
      await this.exports.saveProgress(organizationId, exportId, ++done);
    }

    const parts = [];
    for (const provider of providers) {
      parts.push({
        part: await this.files.readPart(organizationId, exportId, key, provider.category),
        describe: provider.describe(),
      });
    }
    const generatedAt = this.clock.now();
    const { zip, manifest } = buildArchive(
      { exportId, subject: { kind: subject.kind, id: subject.id }, generatedAt },
      parts,
    );
    // Another attempt may have finished meanwhile (an expired one that was still running),
    // or the subject was erased: then what this attempt wrote must not stay behind.
    const current = (await this.exports.find(organizationId, exportId))?.status;
    if (current !== 'building') {
      if (current === 'expired' || current === 'failed') await this.files.remove(organizationId, exportId);
      return null;
    }
    const file = await this.files.writeArchive(organizationId, exportId, key, zip);
    const expiresAt = new Date(generatedAt.getTime() + this.settings.dataExportLinkHours * 3_600_000);
    const finished = await this.transactions.run(async (tx) => {
      if (!(await this.exports.markReady(organizationId, exportId, { ...file, readyAt: generatedAt, expiresAt }, tx)))
        return false;
      this.audit.record(tx, {
        organizationId,
        action: 'privacy.export.ready',
        actor: { kind: 'system', id: null },
        targetType: subject.kind,
        targetId: subject.id,
        details: {
          export: exportId,
          categories: manifest.categories.map(({ category, count }) => ({ category, count })),
        },
      });
      return true;
    });
    await this.files.removeParts(organizationId, exportId);
    return finished ? manifest : null;
  }

  /** The last attempt failed: the export is marked failed and whatever it wrote is deleted. */
  private async fail(organizationId: string, exportId: string): Promise<void> {
    const found = await this.exports.find(organizationId, exportId);
    await this.transactions.run(async (tx) => {
      if (!(await this.exports.markFailed(organizationId, exportId, tx)) || !found) return;
      this.audit.record(tx, {
        organizationId,
        action: 'privacy.export.failed',
        actor: { kind: 'system', id: null },
        targetType: found.subjectKind,
        targetId: found.subjectId,
        details: { export: exportId },
      });
    });
    await this.files.remove(organizationId, exportId);
  }

  /**
   * Deletes the files of exports whose link has expired, then marks them expired (forgetting
   * key and token) with an audit entry. File first: a crash in between leaves the row ready,
   * and the next tick deletes nothing new and marks it.
   */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    let purged = 0;
    for (const found of await this.exports.listExpired(now, PURGE_BATCH)) {
      await this.files.remove(found.organizationId, found.id);
      await this.transactions.run(async (tx) => {
        if (!(await this.exports.markExpired(found.organizationId, found.id, now, tx))) return;
        purged++;
        this.audit.record(tx, {
          organizationId: found.organizationId,
          action: 'privacy.export.purged',
          actor: { kind: 'system', id: null },
          targetType: found.subjectKind,
          targetId: found.subjectId,
          details: { export: found.id },
        });
      });
    }
    return purged;
  }
}
