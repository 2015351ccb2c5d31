import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination.dto.js';
import { TransactionService } from '../database/transaction.service.js';
import type { Caller } from '../identity/identity.types.js';
import { JobsService } from '../jobs/jobs.service.js';
import {
  type RetentionPreviewResponseDto,
  type RetentionRuleResponseDto,
  type RetentionRunListResponseDto,
  type RetentionRunResponseDto,
  toRetentionRunResponse,
} from './retention.dto.js';
import { RETENTION_RUN } from './retention.job.js';
import { cutoffOf, periodText, type RetentionRule } from './retention.types.js';
import { RetentionOverridesRepository } from './retention-overrides.repository.js';
import { RetentionRules } from './retention-rules.service.js';
import { RetentionRunner } from './retention-runner.service.js';
import { RetentionRunsRepository } from './retention-runs.repository.js';

const SAMPLE_SIZE = 5;

/** Page cursors of the history and the holds: the offset of the next page. */
export function offsetOf(cursor: string | undefined): number {
  const [offset] = decodeCursor(cursor, 1) ?? [0];
  if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  throw new AppError('validation-failed', 'cursor is not a cursor this API handed out', {
    errors: [{ field: 'cursor', message: 'cursor is not a cursor this API handed out' }],
  });
}

export const encodeCursorAt = (offset: number, count: number, total: number): string | null =>
  offset + count < total ? encodeCursor([offset + count]) : null;

/** The sentence a rule's period produces, as the retention page shows it. */
export const sentenceOf = (rule: RetentionRule, value = rule.settingValue()): string =>
  `${rule.title}: kept ${periodText(value, rule.unit)} ${rule.from}, then deleted.`;

/** Retention as admins see it: the rules with their sentences, dry runs, runs on demand, the history. */
@Injectable()
export class RetentionService {
  constructor(
    private readonly rules: RetentionRules,
    private readonly runner: RetentionRunner,
    private readonly runs: RetentionRunsRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly overrides: RetentionOverridesRepository,
    private readonly transactions: TransactionService,
  ) {}

  async listRules(caller: Caller): Promise<RetentionRuleResponseDto[]> {
    const own = await this.overrides.of(caller.organizationId);
    return this.rules.list().map((rule) => this.describe(rule, own.get(rule.key) ?? null));
  }

  /**
   * The organization's own period for a rule that allows one (null: back to the platform's).
   * The purge and the organization's privacy notice read it from then on.
   */
  async setPeriod(caller: Caller, key: string, value: number | null): Promise<RetentionRuleResponseDto> {
    const rule = this.rules.get(key);
    const bounds = rule.adjustable;
    const refuse = (message: string) =>
      new AppError('validation-failed', message, { errors: [{ field: 'value', message }] });
    if (!bounds) throw refuse(`The ${rule.title.toLowerCase()} period is the platform's and cannot be changed`);
    if (value !== null && (value < bounds.min || value > bounds.max)) {
      throw refuse(`value must be between ${bounds.min} and ${bounds.max} ${rule.unit}`);
    }
    const previous = (await this.overrides.of(caller.organizationId)).get(rule.key) ?? null;
    const actor =
      caller.kind === 'user'
        ? ({ kind: 'user', id: caller.userId } as const)
        : ({ kind: 'api_key', id: caller.apiKeyId } as const);
    await this.transactions.run(async (tx) => {
      if (value === null) await this.overrides.clear(caller.organizationId, rule.key, tx);
      else {
        await this.overrides.set(
          {
            organizationId: caller.organizationId,
            rule: rule.key,
            value,
            changedByKind: actor.kind,
            changedById: actor.id,
            changedAt: this.clock.now(),
          },
          tx,
        );
      }
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'retention.period_changed',
        targetType: 'retention_rule',
        details: { rule: rule.key, unit: rule.unit, from: previous, to: value, platform: rule.settingValue() },
      });
    });
    return this.describe(rule, value);
  }

  /** The organization's periods that differ from the platform's, by settings path (for its privacy notice). */
  async periodsOf(
    organizationId: string,
  ): Promise<Array<{ setting: string; unit: string; platform: number; own: number }>> {
    const own = await this.overrides.of(organizationId);
    return this.rules
      .list()
      .filter((rule) => rule.adjustable && own.has(rule.key))
      .map((rule) => ({
        setting: rule.setting,
        unit: rule.unit,
        platform: rule.settingValue(),
        own: own.get(rule.key) as number,
      }));
  }

  /** What a run would purge in the caller's organization now, without purging anything. */
  async preview(caller: Caller, key: string): Promise<RetentionPreviewResponseDto> {
    const rule = this.rules.get(key);
    const now = this.clock.now();
    const own = (await this.overrides.of(caller.organizationId)).get(rule.key) ?? null;
    const scope = { cutoff: rule.cutoff(now), at: now, organizationId: caller.organizationId };
    const counts = await rule.count(scope);
    const sample = await rule.sample(scope, SAMPLE_SIZE, own ?? rule.settingValue());
    const categories = new Map<string, { eligible: number; held: number }>();
    for (const count of counts) {
      const entry = categories.get(count.category) ?? { eligible: 0, held: 0 };
      entry.eligible += count.eligible;
      entry.held += count.held;
      categories.set(count.category, entry);
    }
    return {
      rule: this.describe(rule, own),
      cutoff: own === null ? scope.cutoff : cutoffOf(now, own, rule.unit),
      eligible: counts.reduce((sum, count) => sum + count.eligible, 0),
      held: counts.reduce((sum, count) => sum + count.held, 0),
      categories: [...categories].map(([category, entry]) => ({ category, ...entry })),
      sampleIds: sample.ids,
      nextExpiries: sample.nextExpiries,
    };
  }

  /** Starts a run of the rule over the caller's organization; its job works it off. */
  async requestRun(caller: Caller, key: string): Promise<RetentionRunResponseDto> {
    const rule = this.rules.get(key);
    const requestedBy =
      caller.kind === 'user'
        ? ({ kind: 'user', id: caller.userId } as const)
        : ({ kind: 'api_key', id: caller.apiKeyId } as const);
    const run = await this.runner.start({
      rule: rule.key,
      organizationId: caller.organizationId,
      trigger: 'manual',
      requestedBy,
    });
    if (!run || run.organizationId !== caller.organizationId) {
      // A silent run of the rule was taken over: let its job finish it, then this one may start.
      if (run) await this.jobs.enqueueNow(RETENTION_RUN, { runId: run.id });
      throw new AppError('rule-running', `The ${rule.title.toLowerCase()} rule is running already`);
    }
    await this.jobs.enqueueNow(RETENTION_RUN, { runId: run.id });
    await this.audit.recordNow({
      organizationId: caller.organizationId,
      action: 'retention.run_requested',
      targetType: 'retention_run',
      targetId: run.id,
      details: { rule: rule.key, setting: rule.setting, settingValue: run.settingValue },
    });
    return toRetentionRunResponse(run, {}, run.held);
  }

  async listRuns(caller: Caller, rule: string | undefined, cursor: string | undefined, limit = DEFAULT_PAGE_SIZE) {
    const offset = offsetOf(cursor);
    const { items, total } = await this.runs.listForOrganization(caller.organizationId, { rule }, offset, limit);
    const page: RetentionRunListResponseDto = {
      items: items.map((item) => toRetentionRunResponse(item.run, item.purged, item.held)),
      total,
      nextCursor: encodeCursorAt(offset, items.length, total),
    };
    return page;
  }

  async getRun(caller: Caller, id: string): Promise<RetentionRunResponseDto> {
    const found = await this.runs.findForOrganization(caller.organizationId, id);
    if (!found) throw new AppError('not-found', 'No retention run with that id');
    return toRetentionRunResponse(found.run, found.purged, found.held);
  }

  private describe(rule: RetentionRule, own: number | null): RetentionRuleResponseDto {
    const value = own ?? rule.settingValue();
    return {
      key: rule.key,
      title: rule.title,
      setting: rule.setting,
      value,
      platformValue: rule.settingValue(),
      organizationValue: own,
      adjustable: rule.adjustable ?? null,
      unit: rule.unit,
      sentence: sentenceOf(rule, value),
      cadence: rule.hourly ? 'hourly' : 'nightly',
    };
  }
}
