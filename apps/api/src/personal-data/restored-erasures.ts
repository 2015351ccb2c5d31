import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type DataSubject, PersonalDataRegistry, type SubjectKind } from '#personal-data';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { ErasureRepository } from './erasure.repository.js';
import { ErasureService } from './erasure.service.js';

export const RE_ERASE_RESTORED = 'personal-data.re-erase-restored';
const SUBJECT_KINDS: readonly SubjectKind[] = ['user', 'contact', 'client'];
const DAY_MS = 86_400_000;

/**
 * After a database is restored from an older backup, the key journal destroys again the keys
 * of people erased since (KeyringService), so their data is unreadable; their records, though,
 * came back with the dump. This finds every journaled subject whose own record exists again
 * and starts the normal erasure for it, which removes the records and writes receipts.
 *
 * Only journal entries younger than the oldest backup that can exist (BACKUP_RETENTION_DAYS,
 * plus a day) can have come back, so the work is bounded by the erasures of that period. It
 * runs as a job at every start (a restore is always followed by one), off the start-up path.
 */
@Injectable()
export class RestoredErasures implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly keyring: KeyringService,
    private readonly erasures: ErasureRepository,
    private readonly erasure: ErasureService,
    private readonly jobs: JobsService,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register({ name: RE_ERASE_RESTORED, handle: async () => void (await this.run()) });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.enqueueNow(RE_ERASE_RESTORED, { startedAt: this.clock.now().toISOString() });
  }

  /** Starts an erasure for each journaled subject whose record is back; answers how many it started. */
  async run(): Promise<number> {
    const since = this.clock.now().getTime() - (this.settings.backup.retentionDays + 1) * DAY_MS;
    let started = 0;
    for (const entry of this.keyring.journal.read()) {
      if (entry.destroyedAt.getTime() < since) continue;
      const subject = await this.restored(entry.subjectId);
      if (!subject || (await this.erasedHere(subject, entry.destroyedAt))) continue;
      await this.erasure.start(subject);
      started += 1;
    }
    if (started > 0)
      this.logger.warn(`Started ${started} erasures again for people whose records a restore brought back`);
    return started;
  }

  /** The subject behind a key handle (`contact:<uuid>`) when its own record exists. */
  private async restored(handle: string): Promise<DataSubject | null> {
    const [kind, id] = handle.split(':') as [SubjectKind, string];
    if (!SUBJECT_KINDS.includes(kind) || !id) return null;
    const organizationId = await this.registry.organizationOf(kind, id);
    return organizationId ? { kind, id, organizationId } : null;
  }

  /**
   * True when this database already knows of the erasure: one under way, or one completed
   * since the key was destroyed (then the record is not a restored copy; never loop on it).
   */
  private async erasedHere(subject: DataSubject, keyDestroyedAt: Date): Promise<boolean> {
    const erasures = await this.erasures.listForSubject(subject.organizationId, subject.kind, subject.id);
    return erasures.some((erasure) => !erasure.completedAt || erasure.completedAt >= keyDestroyedAt);
  }
}
