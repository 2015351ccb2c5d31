import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { AppSettings } from '../config/settings.module.js';
import { JOB_SCHEMA, JobConnections } from '../database/job-connections.service.js';
import { withTenantScope } from '../database/tenant-scope.js';
import type { Transaction } from '../database/transaction.service.js';
import type { JobDefinition, JobFailureSummary, JobPayload } from './jobs.types.js';
import { tickJobId, tickKey } from './tick-key.js';

export interface EnqueueOptions {
  /** pg-boss keeps one job per id: sending an id again enqueues nothing. */
  id?: string;
  singletonKey?: string;
  startAfter?: Date;
}

const deadLetterQueue = (name: string) => `${name}.dead`;
/** What admins may read of an error: its first line, bounded. Handlers never put personal data in errors. */
const errorLine = (message: string | null) => (message ? message.split('\n')[0].slice(0, 200) : null);

/**
 * The one job engine (pg-boss): contexts register named handlers, enqueue work in the
 * transaction of the change that causes it, and cron ticks enqueue their job once per tick.
 * A worker runs in this process unless JOBS_WORKER=false (API-only replicas).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly settings: AppSettings,
    private readonly connections: JobConnections,
  ) {
    const { database, jobs } = settings;
    // One connection (always so on the embedded PGlite): share it, never open a second one.
    const shared = database.poolSize === 1;
    this.boss = new PgBoss({
      ...(shared ? { db: connections.shared() } : { connectionString: database.url, max: jobs.poolSize }),
      schema: JOB_SCHEMA,
      // The schema is migrated with ours (runMigrations), before any app starts.
      migrate: false,
      createSchema: false,
      // pg-boss's own cron is not used: @nestjs/schedule ticks, see tick().
      schedule: false,
      instanceName: jobs.worker ? 'api+worker' : 'api',
    });
    this.boss.on('error', (error) => this.logger.error(`Job engine: ${errorLine(error.message)}`));
  }

  /** Registers a handler (in a context's onModuleInit); its queue and dead-letter queue are created at start. */
  async register<Payload extends JobPayload>(definition: JobDefinition<Payload>): Promise<void> {
    if (this.definitions.has(definition.name)) throw new Error(`Job '${definition.name}' is registered twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition);
    if (this.started) await this.prepare(definition as unknown as JobDefinition);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const definition of this.definitions.values()) await this.prepare(definition);
  }

  /** Before the pool closes: a running handler finishes (bounded by the shutdown timeout), no new one starts. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, close: true, timeout: this.settings.http.shutdownTimeoutMs });
  }

  /** Enqueues in `tx`: the job exists if and only if the transaction commits. */
  enqueue(tx: Transaction, name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<string | null> {
    return this.send(name, payload, options, tx);
  }

  /** Enqueues on its own, for work not caused by a change (a tick, an operator's request). */
  enqueueNow(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<string | null> {
    return this.send(name, payload, options);
  }

  /**
   * A cron tick: enqueues `name`'s job for the minute `at`, once, however many replicas tick.
   * Returns the job id, or null when another replica (or an earlier call) already enqueued it.
   */
  tick(name: string, at: Date): Promise<string | null> {
    const key = tickKey(name, at);
    return this.send(name, { tick: at.toISOString() }, { id: tickJobId(key), singletonKey: key });
  }

  /** Enqueues once per `key`, whatever state an earlier job of that key reached (a tick's fan-out). */
  enqueueOnce(name: string, payload: JobPayload, key: string): Promise<string | null> {
    return this.send(name, payload, { id: tickJobId(key), singletonKey: key });
  }

  /** Failed and dead-lettered jobs per queue, for the health details (no payloads). */
  async failures(): Promise<JobFailureSummary[]> {
    const names = [...this.definitions.keys()].sort();
    if (names.length === 0) return [];
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name, count(*)::int AS failed, max(completed_on) AS last_failed_at,
              (array_agg(output->>'message' ORDER BY completed_on DESC NULLS LAST))[1] AS last_error
         FROM ${JOB_SCHEMA}.job
        WHERE state = 'failed' AND name = ANY($1::text[])
        GROUP BY name`,
      [[...names, ...names.map(deadLetterQueue)]],
    );
    const byName = new Map(
      (rows as { name: string; failed: number; last_failed_at: Date | null; last_error: string | null }[]).map(
        (row) => [row.name, row],
      ),
    );
    const { rows: dead } = await this.boss.getDb().executeSql(
      `SELECT name, count(*)::int AS count FROM ${JOB_SCHEMA}.job
        WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active') GROUP BY name`,
      [names.map(deadLetterQueue)],
    );
    const deadByName = new Map((dead as { name: string; count: number }[]).map((row) => [row.name, row.count]));
    return names.map((queue) => {
      const row = byName.get(queue);
      return {
        queue,
        failed: row?.failed ?? 0,
        deadLettered: deadByName.get(deadLetterQueue(queue)) ?? 0,
        lastFailedAt: row?.last_failed_at ? new Date(row.last_failed_at) : null,
        lastError: errorLine(row?.last_error ?? null),
      };
    });
  }

  /** The state of one job (tests and operators): null once pg-boss has deleted it. */
  async stateOf(name: string, id: string): Promise<string | null> {
    return (await this.boss.getJobById(name, id))?.state ?? null;
  }

  private send(name: string, payload: JobPayload, options: EnqueueOptions, tx?: Transaction): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`No job '${name}' is registered`);
    return this.boss.send(name, payload, {
      id: options.id,
      singletonKey: options.singletonKey,
      startAfter: options.startAfter,
      db: tx ? this.connections.in(tx) : undefined,
    });
  }

  private async prepare(definition: JobDefinition): Promise<void> {
    const dead = deadLetterQueue(definition.name);
    await this.boss.createQueue(dead, { retryLimit: 0, retentionSeconds: 30 * 86_400 });
    await this.boss.createQueue(definition.name, {
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelaySeconds ?? 30,
      retryBackoff: true,
      retryDelayMax: 3_600,
      expireInSeconds: definition.expireInSeconds ?? 900,
      deadLetter: dead,
    });
    if (!this.settings.jobs.worker) return;
    await this.boss.work<JobPayload>(
      definition.name,
      { pollingIntervalSeconds: this.settings.jobs.pollIntervalMs / 1000, batchSize: 1 },
      async ([job]) => {
        try {
          const work = () => definition.handle(job.data, { id: job.id, retryCount: job.retryCount });
          // A job done for one organization runs behind that organization's wall (row-level security).
          const { organizationId } = job.data;
          await (typeof organizationId === 'string' ? withTenantScope(organizationId, work) : work());
        } catch (error) {
          // Ids and the error line only: payloads carry no personal data, errors must not either.
          this.logger.warn(`Job ${definition.name} ${job.id} failed: ${errorLine((error as Error).message)}`);
          throw error;
        }
      },
    );
  }
}
