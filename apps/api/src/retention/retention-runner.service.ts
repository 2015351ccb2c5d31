import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import type { RetentionRunEntity } from './entities/retention-run.entity.js';
import type { RetentionRule, RunTrigger } from './retention.types.js';
import { RetentionRules } from './retention-rules.service.js';
import { RetentionRunsRepository } from './retention-runs.repository.js';

/** A run whose heartbeat is older than this has lost its worker: another may take it over. */
export const STALE_RUN_MS = 2 * 60_000;
/** Batches per run: a backlog is worked off over several runs, never in one endless one. */
export const MAX_BATCHES_PER_RUN = 2_000;

export interface RunRequest {
  rule: string;
  organizationId: string | null;
  trigger: RunTrigger;
  requestedBy?: { kind: 'user' | 'api_key'; id: string | null };
  /** The instant the period is measured back from; default the clock's now (tests name another). */
  at?: Date;
}

/**
 * Runs retention rules: fixes the cut-off when a run starts, then purges in bounded batches,
 * each one short transaction that deletes and counts together, so a killed run resumed (by
 * its job's retry, or by the next run taking over a silent one) ends with the same counts.
 * The receipt goes to the audit trail of each organization touched and of the platform.
 */
@Injectable()
export class RetentionRunner {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly rules: RetentionRules,
    private readonly runs: RetentionRunsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: AppSettings,
  ) {}

  /** Starts a run (its cut-off fixed now); null when a run of the rule is going on. */
  async start(request: RunRequest): Promise<RetentionRunEntity | null> {
    const rule = this.rules.get(request.rule);
    const now = this.clock.now();
    const at = request.at ?? now;
    const running = await this.runs.findRunning(rule.key);
    if (running) {
      if (running.heartbeatAt.getTime() >= now.getTime() - STALE_RUN_MS) return null;
      return this.runs.takeOver(running.id, new Date(now.getTime() - STALE_RUN_MS), now);
    }
    const cutoff = rule.cutoff(at);
    const scope = { cutoff, at, organizationId: request.organizationId };
    const counts = await rule.count(scope);
    const heldByOrganization = new Map<string, number>();
    for (const count of counts) {
      if (count.organizationId && count.held > 0) {
        heldByOrganization.set(count.organizationId, (heldByOrganization.get(count.organizationId) ?? 0) + count.held);
      }
    }
    return this.runs.start(
      {
        rule: rule.key,
        organizationId: request.organizationId,
        trigger: request.trigger,
        requestedByKind: request.requestedBy?.kind ?? null,
        requestedById: request.requestedBy?.id ?? null,
        setting: rule.setting,
        settingValue: rule.settingValue(),
        cutoff,
        measuredAt: at,
        status: 'running',
        purged: {},
        held: counts.reduce((sum, count) => sum + count.held, 0),
        batches: 0,
        startedAt: now,
        heartbeatAt: now,
        finishedAt: null,
        error: null,
      },
      [...heldByOrganization].map(([organizationId, held]) => ({ organizationId, held })),
    );
  }

  /**
   * Works a started run to its end. A run another worker is still working (fresh heartbeat)
   * is left to it; a silent one is taken over. `maxBatches` bounds this call (tests stop a run midway).
   */
  async continue(runId: string, maxBatches = MAX_BATCHES_PER_RUN): Promise<RetentionRunEntity> {
    let run = await this.runs.find(runId);
    if (!run) throw new AppError('not-found', 'No retention run with that id');
    if (run.status !== 'running') return run;
    const rule = this.rules.get(run.rule);
    const batch = this.settings.retention.purgeBatchSize;
    const scope = { cutoff: run.cutoff, at: run.measuredAt, organizationId: run.organizationId };
    const started = run.startedAt;
    try {
      for (let done = 0; done < maxBatches; done++) {
        const purged = await this.transactions.run(async (tx) => {
          // Another worker finished it meanwhile: nothing more to do here.
          if (!(await this.runs.lockRunning(runId, tx))) return null;
          const rows = await rule.purge(tx, scope, batch);
          await this.runs.recordBatch(runId, rows, this.clock.now(), tx);
          return rows.reduce((sum, row) => sum + row.count, 0);
        });
        if (purged === null) return (await this.runs.find(runId)) as RetentionRunEntity;
        if (purged < batch) return await this.finish(rule, runId, 'completed', null, started);
      }
      // Bounded: what is left waits for the next run.
      if (maxBatches === MAX_BATCHES_PER_RUN) return await this.finish(rule, runId, 'completed', null, started);
      run = (await this.runs.find(runId)) as RetentionRunEntity;
      return run;
    } catch (error) {
      const message = `${(error as Error).name}: ${(error as Error).message}`.slice(0, 300);
      this.logger.error(`Retention rule ${rule.key} failed: ${(error as Error).name}`);
      await this.finish(rule, runId, 'failed', message, started);
      throw error;
    }
  }

  /** Starts and works a run here and now (the scheduled job's way); null when the rule is busy. */
  async runNow(request: RunRequest): Promise<RetentionRunEntity | null> {
    const run = await this.start(request);
    return run ? this.continue(run.id) : null;
  }

  private async finish(
    rule: RetentionRule,
    runId: string,
    outcome: 'completed' | 'failed',
    error: string | null,
    started: Date,
  ): Promise<RetentionRunEntity> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      // Once: a second worker finishing the same run (it waited for the first's lock) writes nothing.
      if (!(await this.runs.finish(runId, outcome, now, error, tx))) return;
      const receipts = await this.runs.receiptsOf(runId, tx);
      const run = (await this.runs.find(runId, tx)) as RetentionRunEntity;
      const common = {
        run: runId,
        rule: rule.key,
        setting: run.setting,
        settingValue: run.settingValue,
        cutoff: run.cutoff.toISOString(),
        trigger: run.trigger,
        durationMs: now.getTime() - started.getTime(),
        outcome,
      };
      for (const receipt of receipts) {
        this.audit.record(tx, {
          organizationId: receipt.organizationId,
          action: 'retention.purged',
          actor: { kind: 'system', id: null },
          details: { ...common, purged: receipt.purged, held: receipt.held },
        });
      }
      this.audit.record(tx, {
        organizationId: null,
        action: 'retention.purged',
        actor: { kind: 'system', id: null },
        details: { ...common, purged: run.purged, held: run.held, batches: run.batches },
      });
    });
    return (await this.runs.find(runId)) as RetentionRunEntity;
  }
}
