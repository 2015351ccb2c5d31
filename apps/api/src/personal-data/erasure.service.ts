import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type DataSubject, type ErasureStep, PersonalDataRegistry } from '#personal-data';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { KeyringService } from '../keyring/keyring.service.js';
import type { ErasureEntity, ErasureReceiptEntity } from './entities/erasure.entity.js';
import { ErasureRepository } from './erasure.repository.js';

export const ERASE_SUBJECT = 'personal-data.erase';

/** Steps per category in one run: a subject with more records continues on the job's next attempt. */
const MAX_STEPS_PER_CATEGORY = 10_000;

export interface ErasureOutcome {
  erasure: ErasureEntity;
  receipts: ErasureReceiptEntity[];
}

/**
 * Erasing a data subject everywhere, as a resumable job:
 * 1. `start` records the erasure and enqueues its job in one transaction;
 * 2. the job walks the registry's plan (dependent records first, the subject's own record
 *    last). Each category is erased in bounded steps, each step one transaction holding the
 *    provider's work, the receipt's counts and, on the category's last step, its audit entry;
 *    a category whose receipt is complete is skipped, so a retry or a restart after a crash
 *    resumes where it stopped and does nothing twice;
 * 3. once every category is done, the subject's key is destroyed (crypto-shredding: what
 *    backups still hold becomes unreadable), then the erasure is closed with a final entry.
 */
@Injectable()
export class ErasureService implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly erasures: ErasureRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly keyring: KeyringService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly settings: AppSettings,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register<{ organizationId: string; erasureId: string }>({
      name: ERASE_SUBJECT,
      handle: async ({ organizationId, erasureId }) => {
        await this.run(organizationId, erasureId);
      },
      // A killed worker's attempt is retried after this; the run resumes from its receipts.
      expireInSeconds: 300,
      retryDelaySeconds: 10,
    });
  }

  /** Records the erasure and enqueues its job, together: both exist or neither. */
  async start(subject: DataSubject): Promise<string> {
    const id = randomUUID();
    await this.transactions.run(async (tx) => {
      await this.erasures.insert(
        {
          organizationId: subject.organizationId,
          id,
          subjectKind: subject.kind,
          subjectId: subject.id,
          requestedAt: this.clock.now(),
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: subject.organizationId,
        action: 'privacy.erasure.started',
        targetType: subject.kind,
        targetId: subject.id,
        details: { erasure: id },
      });
      await this.jobs.enqueue(tx, ERASE_SUBJECT, { organizationId: subject.organizationId, erasureId: id });
    });
    return id;
  }

  /** Starts and runs at once, in this process (the demo's and tests' way; requests use `start`). */
  async eraseNow(subject: DataSubject): Promise<ErasureOutcome> {
    const id = await this.start(subject);
    return this.run(subject.organizationId, id);
  }

  /** The job's handler: idempotent, resumable. */
  async run(organizationId: string, erasureId: string): Promise<ErasureOutcome> {
    const erasure = await this.erasures.find(organizationId, erasureId);
    if (!erasure) throw new Error(`No erasure ${erasureId}`);
    if (!erasure.completedAt) {
      const subject: DataSubject = { kind: erasure.subjectKind, id: erasure.subjectId, organizationId };
      const done = new Set(
        (await this.erasures.listReceipts(organizationId, erasureId))
          .filter((receipt) => receipt.completedAt)
          .map((receipt) => receipt.category),
      );
      for (const { provider, mode } of this.registry.erasurePlan(subject)) {
        if (done.has(provider.category)) continue;
        for (let step = 0; step < MAX_STEPS_PER_CATEGORY; step++) {
          const finished = await this.transactions.run(async (tx) => {
            const now = this.clock.now();
            const result: ErasureStep = await provider.erase(subject, mode, {
              tx,
              now,
              limit: this.settings.erasureBatchSize,
            });
            await this.erasures.addStep(
              organizationId,
              erasureId,
              provider.category,
              result,
              result.more ? null : now,
              tx,
            );
            if (!result.more) {
              this.audit.record(tx, {
                organizationId,
                action: 'privacy.erasure.category',
                actor: { kind: 'system', id: null },
                targetType: subject.kind,
                targetId: subject.id,
                details: { erasure: erasureId, category: provider.category, mode: result.mode },
              });
            }
            return !result.more;
          });
          if (finished) break;
        }
      }
      // Last, once every category is done: the key that could still open copies in backups.
      await this.keyring.keyRing.destroy({ kind: subject.kind, id: subject.id });
      await this.erasures.markKeyDestroyed(organizationId, erasureId, this.clock.now());
      await this.transactions.run(async (tx) => {
        if (!(await this.erasures.complete(organizationId, erasureId, this.clock.now(), tx))) return;
        this.audit.record(tx, {
          organizationId,
          action: 'privacy.erasure.completed',
          actor: { kind: 'system', id: null },
          targetType: subject.kind,
          targetId: subject.id,
          details: { erasure: erasureId, keyDestroyed: true },
        });
      });
    }
    return {
      erasure: (await this.erasures.find(organizationId, erasureId)) as ErasureEntity,
      receipts: await this.erasures.listReceipts(organizationId, erasureId),
    };
  }
}
