import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { UsageDailyRepository } from './usage-daily.repository.js';
import { addDays, monthsBefore, utcDay } from './usage-day.js';
import { UsageSessions } from './usage-sessions.js';

export const USAGE_ROLLUP = 'analytics.rollup';
/** Rows per delete statement. */
export const USAGE_BATCH = 1000;
/** Delete statements per table per run: a backlog is worked off over several nights. */
export const USAGE_MAX_BATCHES = 100;
/** Days rolled up per run (a job that did not run for weeks catches up over a few nights). */
export const USAGE_MAX_DAYS = 62;

export interface UsageRollupReceipt {
  at: string;
  saltsDeleted: number;
  daysRolledUp: string[];
  eventsRolledUp: number;
  aggregateRows: number;
  rawEventsDeleted: number;
  aggregatesDeleted: number;
}

/**
 * The nightly usage job, in this order: delete salts past their 48 hours; roll every finished
 * day not yet rolled up into daily counts (one transaction per day); only then delete raw
 * events past their days, of rolled-up days only; delete counts past their months. One audit
 * receipt per run. Re-running does nothing new: rolled-up days are not counted again.
 */
@Injectable()
export class UsageRollupJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly transactions: TransactionService,
    private readonly events: AnalyticsRepository,
    private readonly daily: UsageDailyRepository,
    private readonly sessions: UsageSessions,
    private readonly audit: AuditService,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register({
      name: USAGE_ROLLUP,
      handle: async () => {
        await this.run();
      },
    });
  }

  /** Just after midnight UTC: yesterday is over, and yesterday's salt's 48 hours end. */
  @Cron('0 5 0 * * *', { name: USAGE_ROLLUP, timeZone: 'UTC' })
  nightly(): Promise<string | null> {
    return this.jobs.tick(USAGE_ROLLUP, this.clock.now());
  }

  async run(): Promise<UsageRollupReceipt> {
    const now = this.clock.now();
    const today = utcDay(now);
    const { usageEventDays, usageAggregateMonths } = this.settings.retention;
    const saltsDeleted = await this.sessions.deleteExpiredSalts(today);

    const daysRolledUp = await this.events.daysToRollUp(today, USAGE_MAX_DAYS);
    let eventsRolledUp = 0;
    let aggregateRows = 0;
    for (const day of daysRolledUp) {
      const counted = await this.transactions.run((tx) => this.daily.rollUp(tx, day, now));
      eventsRolledUp += counted.events;
      aggregateRows += counted.rows;
    }

    const rawEventsDeleted = await this.inBatches((limit) =>
      this.events.deleteRolledUpBefore(addDays(today, -usageEventDays), limit),
    );
    const aggregatesDeleted = await this.inBatches((limit) =>
      this.daily.deleteBefore(monthsBefore(today, usageAggregateMonths), limit),
    );
    const receipt = {
      at: now.toISOString(),
      saltsDeleted,
      daysRolledUp,
      eventsRolledUp,
      aggregateRows,
      rawEventsDeleted,
      aggregatesDeleted,
    };
    await this.audit.recordNow({
      organizationId: null,
      action: 'analytics.rolled-up',
      actor: { kind: 'system', id: null },
      details: { ...receipt },
    });
    return receipt;
  }

  private async inBatches(remove: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (let round = 0; round < USAGE_MAX_BATCHES; round++) {
      const removed = await remove(USAGE_BATCH);
      total += removed;
      if (removed < USAGE_BATCH) break;
    }
    return total;
  }
}
