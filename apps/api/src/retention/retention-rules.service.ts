import { Injectable } from '@nestjs/common';
import type { DataSubject } from '#personal-data';
import { AppError } from '../common/app-error.js';
import { cutoffOf, type HoldTarget, type RetentionRule, shiftBy, type TableRuleSpec } from './retention.types.js';
import { TablePurgeRepository } from './table-purge.repository.js';

/**
 * The one list of retention rules and of what a legal hold may name. Contexts register
 * theirs in onModuleInit: a rule over one of their tables as a `TableRuleSpec`, or a rule of
 * their own (the audit trail's, which keeps a chain checkpoint) as a `RetentionRule`.
 */
@Injectable()
export class RetentionRules {
  private readonly rules = new Map<string, RetentionRule>();
  private readonly targets = new Map<string, HoldTarget>();

  constructor(private readonly tables: TablePurgeRepository) {}

  register(rule: RetentionRule): void {
    if (this.rules.has(rule.key)) throw new Error(`Retention rule '${rule.key}' is registered twice`);
    this.rules.set(rule.key, rule);
  }

  /** A rule over one table of the registering context. */
  registerTable(spec: TableRuleSpec): void {
    const tables = this.tables;
    this.register({
      key: spec.key,
      title: spec.title,
      setting: spec.setting,
      unit: spec.unit,
      from: spec.from,
      hourly: spec.hourly,
      adjustable: spec.adjustable,
      touches: [spec.table, ...(spec.cascades ?? [])],
      settingValue: spec.settingValue,
      cutoff: (now) => cutoffOf(now, spec.settingValue(), spec.unit),
      count: (scope) => tables.count(spec, scope),
      sample: async (scope, limit, period) => {
        const { ids, starts } = await tables.sample(spec, scope, limit);
        return { ids, nextExpiries: starts.map((start) => shiftBy(start, period, spec.unit)) };
      },
      purge: (tx, scope, limit) => tables.purge(tx, spec, scope, limit),
    });
  }

  list(): RetentionRule[] {
    return [...this.rules.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  get(key: string): RetentionRule {
    const rule = this.rules.get(key);
    if (!rule) throw new AppError('not-found', `No retention rule '${key}'`);
    return rule;
  }

  registerHoldTarget(target: HoldTarget): void {
    this.targets.set(target.kind, target);
  }

  /** True when the organization holds a subject or record of that kind with that id. */
  async targetExists(target: HoldTarget, organizationId: string, id: string): Promise<boolean> {
    return this.tables.exists(target.table, organizationId, id);
  }

  /** Ids of active holds on records that belong to the subject. */
  async recordHoldsOf(subject: DataSubject): Promise<string[]> {
    const ids: string[] = [];
    for (const target of this.targets.values()) {
      if (target.scope === 'record') ids.push(...(await this.tables.recordHoldsOf(target, subject)));
    }
    return ids;
  }

  holdTarget(kind: string): HoldTarget | undefined {
    return this.targets.get(kind);
  }

  holdTargets(): HoldTarget[] {
    return [...this.targets.values()];
  }
}
