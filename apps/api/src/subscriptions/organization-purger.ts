import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { TransactionService } from '../database/transaction.service.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { DataExportService } from '../personal-data/exports/data-export.service.js';
import { ORGANIZATION_HOLDS, type OrganizationHolds } from './organization-holds.js';
import { OrganizationPurgeRepository } from './organization-purge.repository.js';
import type { OrganizationSubscription } from './subscription.types.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

/** Rows per batch: each batch is one short transaction. */
export const PURGE_BATCH = 500;

export interface PurgeLimits {
  batchSize?: number;
  /** Stop after this many batches (the rest waits for the next run): bounds one run, and lets tests interrupt. */
  maxBatches?: number;
}

export type PurgeOutcome = 'purged' | 'held' | 'not-due' | 'interrupted';

/**
 * Purges one ended organization: every row carrying its organization_id, table by table in
 * foreign-key order, in bounded batches, the deleted subjects' keys destroyed with them
 * (crypto-shredding: sealed copies in backups open for nobody), the organization row last.
 * Its progress is a row of organization_purges, so a killed run is resumed by the next one
 * and ends with the same result; the receipt goes to the platform trail, since the
 * organization's own trail is purged with it.
 */
@Injectable()
export class OrganizationPurger {
  private readonly logger = new Logger('OrganizationPurge');

  constructor(
    private readonly purges: OrganizationPurgeRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(ORGANIZATION_HOLDS) private readonly holds: OrganizationHolds,
    private readonly keyring: KeyringService,
    private readonly dataExports: DataExportService,
  ) {}

  /**
   * Purges the organization if it is due (`due` says so of the locked row at the clock's now) and not held,
   * or continues a purge already begun. A held organization is left alone, even mid-purge.
   */
  async purge(
    organizationId: string,
    due: (organization: OrganizationSubscription, now: Date) => boolean,
    limits: PurgeLimits = {},
  ): Promise<PurgeOutcome> {
    if (await this.holds.isOrganizationHeld(organizationId)) return 'held';
    const begun = await this.transactions.run(async (tx) => {
      const existing = await this.purges.find(organizationId);
      if (existing) return existing.status === 'running';
      // The lock makes a restore and the start of the purge wait for each other.
      const organization = await this.subscriptions.findForUpdate(organizationId, tx);
      if (!organization || !due(organization, this.clock.now())) return false;
      await this.purges.begin(organizationId, this.clock.now(), tx);
      return true;
    });
    if (!begun) return 'not-due';
    return this.continue(organizationId, limits);
  }

  private async continue(organizationId: string, limits: PurgeLimits): Promise<PurgeOutcome> {
    const batchSize = limits.batchSize ?? PURGE_BATCH;
    let budget = limits.maxBatches ?? Number.POSITIVE_INFINITY;
    const tables = await this.purges.tablesInDeleteOrder();
    // Passes until one finds nothing: rows written while an earlier table was being purged are caught.
    for (;;) {
      let removedThisPass = 0;
      for (const table of tables) {
        for (;;) {
          if (budget <= 0) return 'interrupted';
          budget--;
          const batch = await this.transactions.run(async (tx) => {
            const at = this.clock.now();
            const done = await this.purges.deleteBatch(organizationId, table, batchSize, at, tx);
            // Journaled before the batch commits: a restored older backup gets these keys destroyed again.
            this.keyring.journal.appendAll(done.destroyedSubjects.map((subjectId) => ({ subjectId, destroyedAt: at })));
            return done;
          });
          removedThisPass += batch.removed;
          if (batch.removed < batchSize) break;
        }
      }
      if (removedThisPass === 0 && (await this.purges.remaining(organizationId, tables)) === 0) break;
    }
    // Export files lie outside the database: their keys went with the rows, the files go now.
    await this.dataExports.discardOrganizationFiles(organizationId);
    await this.transactions.run(async (tx) => {
      const done = await this.purges.finish(organizationId, this.clock.now(), tx);
      this.audit.record(tx, {
        organizationId: null,
        action: 'organization.purged',
        actor: { kind: 'system', id: null },
        targetType: 'organization',
        targetId: organizationId,
        details: {
          startedAt: done.startedAt.toISOString(),
          completedAt: done.completedAt?.toISOString() ?? null,
          durationMs: (done.completedAt?.getTime() ?? done.startedAt.getTime()) - done.startedAt.getTime(),
          batches: done.batches,
          keysDestroyed: done.keysDestroyed,
          removed: done.removed,
        },
      });
    });
    this.logger.log(`Organization ${organizationId} purged`);
    return 'purged';
  }
}
