import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { RetentionRules } from './retention-rules.service.js';
import { RetentionRunner } from './retention-runner.service.js';

export const RETENTION_NIGHTLY = 'retention.nightly';
export const RETENTION_HOURLY = 'retention.hourly';
/** One run of one rule: `{ rule }` starts a scheduled run, `{ runId }` works a started one. */
export const RETENTION_RUN = 'retention.run';

/**
 * Schedules the rules. `@Cron` only ticks (every replica may); the tick's job runs once and
 * enqueues one job per rule, once per tick (an id derived from rule and tick). A rule's runs exclude each other
 * through the database (one running run per rule), so two replicas never purge the same rule
 * at once, and a run whose worker died is taken over and resumed with its own cut-off.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly rules: RetentionRules,
    private readonly runner: RetentionRunner,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ tick: string }>({
      name: RETENTION_NIGHTLY,
      handle: async ({ tick }) => {
        await this.enqueueRules(tick, false);
      },
    });
    await this.jobs.register<{ tick: string }>({
      name: RETENTION_HOURLY,
      handle: async ({ tick }) => {
        await this.enqueueRules(tick, true);
      },
    });
    await this.jobs.register<{ rule?: string; runId?: string }>({
      name: RETENTION_RUN,
      handle: async ({ rule, runId }) => {
        if (runId) await this.runner.continue(runId);
        else if (rule) await this.runner.runNow({ rule, organizationId: null, trigger: 'schedule' });
      },
      // A killed worker's attempt is retried after this; the run is then silent and is taken over.
      expireInSeconds: 600,
      retryDelaySeconds: 60,
    });
  }

  @Cron('0 30 3 * * *', { name: RETENTION_NIGHTLY, timeZone: 'UTC' })
  nightly(): Promise<string | null> {
    return this.jobs.tick(RETENTION_NIGHTLY, this.clock.now());
  }

  @Cron('0 20 * * * *', { name: RETENTION_HOURLY, timeZone: 'UTC' })
  hourly(): Promise<string | null> {
    return this.jobs.tick(RETENTION_HOURLY, this.clock.now());
  }

  /** Enqueues a run job per rule of the cadence, once per tick. */
  async enqueueRules(tick: string, hourly: boolean): Promise<string[]> {
    const ids: string[] = [];
    for (const rule of this.rules.list().filter((candidate) => Boolean(candidate.hourly) === hourly)) {
      const key = `${RETENTION_RUN}:${rule.key}@${tick}`;
      const id = await this.jobs.enqueueOnce(RETENTION_RUN, { rule: rule.key }, key);
      if (id) ids.push(id);
    }
    return ids;
  }
}
