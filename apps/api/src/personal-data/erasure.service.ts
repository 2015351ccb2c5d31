import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type DataSubject, type ErasureStep, PersonalDataRegistry } from '#personal-data';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { LegalHoldsService } from '../retention/legal-holds.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { ErasureEntity, ErasureReceiptEntity } from './entities/erasure.entity.js';
import { ErasureRepository } from './erasure.repository.js';
import { DataExportService } from './exports/data-export.service.js';

export const ERASE_SUBJECT = 'personal-data.erase';

/** Steps per category in one run: a subject with more records continues on the job's next attempt. */
const MAX_STEPS_PER_CATEGORY = 10_000;

export interface ErasureOutcome {
  erasure: ErasureEntity;
  receipts: ErasureReceiptEntity[];
}

/** What an erasure did, category by category: the proof shown to the person, no personal value. */
export interface ErasureReceipt {
  erasureId: string;
  subjectKind: string;
  subjectId: string;
  requestedAt: Date;
  completedAt: Date | null;
  keyDestroyedAt: Date | null;
  categories: Array<{
    category: string;
    mode: 'delete' | 'deidentify';
    affected: number;
    retainedRecords: number | null;
    retainedReason: string | null;
    completedAt: Date | null;
  }>;
}

/**
 * Erasing a data subject everywhere, as a resumable job:
 * 1. `start` records the erasure and enqueues its job in one transaction;
 * 2. the job walks the registry's plan (dependent records first, the subject's own record
 *    last). Each category is erased in bounded steps, each step one transaction holding the
 *    provider's work, the receipt's counts and, on the category's last step, its audit entry;
 *    a category whose receipt is complete is skipped, so a retry or a restart after a crash
 *    resumes where it stopped and does nothing twice;
 * 3. once every category is done, the subject's access exports are discarded (files and keys),
 *    then the subject's key is destroyed (crypto-shredding: what
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
    private readonly webhooks: WebhooksService,
    private readonly dataExports: DataExportService,
    private readonly holds: LegalHoldsService,
  ) {}

  async onModuleInit(): Promise<void> {
    // A released hold lets the erasures it stopped go on, through their job, in the release's transaction.
    this.holds.onRelease(async (tx, hold) => {
      for (const erasure of await this.erasures.listHeld(hold.organizationId, tx)) {
        await this.jobs.enqueue(tx, ERASE_SUBJECT, { organizationId: erasure.organizationId, erasureId: erasure.id });
      }
    });
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
  /** Every erasure of a subject with its receipts: they survive the erasure, as its proof. */
  async receiptsFor(subject: DataSubject): Promise<ErasureReceipt[]> {
    const erasures = await this.erasures.listForSubject(subject.organizationId, subject.kind, subject.id);
    const receipts: ErasureReceipt[] = [];
    for (const erasure of erasures) {
      const categories = await this.erasures.listReceipts(subject.organizationId, erasure.id);
      receipts.push({
        erasureId: erasure.id,
        subjectKind: erasure.subjectKind,
        subjectId: erasure.subjectId,
        requestedAt: erasure.requestedAt,
        completedAt: erasure.completedAt,
        keyDestroyedAt: erasure.keyDestroyedAt,
        categories: categories.map((receipt) => ({
          category: receipt.category,
          mode: receipt.mode,
          affected: receipt.affected,
          retainedRecords: receipt.retainedRecords,
          retainedReason: receipt.retainedReason,
          completedAt: receipt.completedAt,
        })),
      });
    }
    return receipts;
  }

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
      // A legal hold on the subject or its organization stops the erasure until it is released.
      const holds = await this.holds.covering(subject);
      if (holds.length > 0) {
        if (await this.erasures.markHeld(organizationId, erasureId, this.clock.now())) {
          await this.audit.recordNow({
            organizationId,
            action: 'privacy.erasure.held',
            actor: { kind: 'system', id: null },
            targetType: subject.kind,
            targetId: subject.id,
            details: { erasure: erasureId, holds: holds.map((hold) => hold.id) },
          });
        }
        return {
          erasure: (await this.erasures.find(organizationId, erasureId)) as ErasureEntity,
          receipts: await this.erasures.listReceipts(organizationId, erasureId),
        };
      }
      await this.erasures.markHeld(organizationId, erasureId, null);
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
      // Access exports are copies of the subject's data: their files and keys go as well.
      await this.dataExports.discardForSubject(subject);
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
        await this.webhooks.emit(tx, organizationId, 'subject.erased', {
          subjectType: subject.kind,
          subjectId: subject.id,
          erasureId,
        });
      });
    }
    return {
      erasure: (await this.erasures.find(organizationId, erasureId)) as ErasureEntity,
      receipts: await this.erasures.listReceipts(organizationId, erasureId),
    };
  }
}
