import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { PersonalDataRegistry } from '#personal-data';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { JobsService } from '../jobs/jobs.service.js';

export const RETENTION_PURGE = 'retention.purge';
/** Rows per purgeExpired call: each call is one short statement (or transaction) per provider. */
export const RETENTION_BATCH = 500;
/** Batches per category per run: a backlog is worked off over several nights, never in one long run. */
export const RETENTION_MAX_BATCHES = 200;

/**
 * The nightly retention purge. `@Cron` only ticks (every replica may); the tick's job runs
 * once. The handler asks every registered provider to remove what is past its retention
 * period at the clock's "now", in bounded batches, then writes one audit entry as the receipt.
 * purgeExpired only removes what is expired at that instant, so a retried run repeats nothing.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register({
      name: RETENTION_PURGE,
      handle: async () => {
        await this.purge();
      },
    });
  }

  @Cron('0 30 3 * * *', { name: RETENTION_PURGE, timeZone: 'UTC' })
  nightly(): Promise<string | null> {
    return this.jobs.tick(RETENTION_PURGE, this.clock.now());
  }

  async purge(): Promise<Record<string, number>> {
    const now = this.clock.now();
    const removed: Record<string, number> = {};
    for (const provider of this.registry.list()) {
      let total = 0;
      for (let round = 0; round < RETENTION_MAX_BATCHES; round++) {
        const purged = await provider.purgeExpired(now, RETENTION_BATCH);
        total += purged;
        if (purged < RETENTION_BATCH) break;
      }
      removed[provider.category] = total;
    }
    await this.audit.recordNow({
      organizationId: null,
      action: 'retention.purged',
      actor: { kind: 'system', id: null },
      details: { at: now.toISOString(), removed },
    });
    return removed;
  }
}
