import { Injectable } from '@nestjs/common';
import type { DataSubject } from '#personal-data';
import { heldBy } from '../database/held-by.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import {
  cutoffSql,
  type HoldTarget,
  type RetentionCount,
  type RetentionPurged,
  type RetentionScope,
  type TableRuleSpec,
} from './retention.types.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Runs the rules that contexts declare over their own tables (`TableRuleSpec`): counts, a
 * sample and bounded deletes, each excluding rows under a legal hold. The names in a spec
 * come from code, never from input; they are still checked to be plain identifiers.
 */
@Injectable()
export class TablePurgeRepository {
  constructor(private readonly transactions: TransactionService) {}

  async exists(table: string, organizationId: string, id: string): Promise<boolean> {
    if (!IDENTIFIER.test(table)) throw new Error(`Hold target: bad table ${table}`);
    const rows: unknown[] = await this.transactions
      .managerOf()
      .query(`SELECT 1 FROM ${table} WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
    return rows.length > 0;
  }

  /** Ids of active holds on records of `target` that belong to the subject (by the target's subject column). */
  async recordHoldsOf(target: HoldTarget, subject: DataSubject): Promise<string[]> {
    const column = target.subjects?.[subject.kind];
    if (!column) return [];
    for (const name of [target.table, column]) {
      if (!IDENTIFIER.test(name)) throw new Error(`Hold target ${target.kind}: bad identifier ${name}`);
    }
    const rows: Array<{ id: string }> = await this.transactions.managerOf().query(
      `SELECT h.id FROM legal_holds h JOIN ${target.table} r ON r.id = h.target_id AND r.organization_id = h.organization_id
        WHERE h.organization_id = $1 AND h.released_at IS NULL AND h.scope = 'record' AND h.target_kind = $2
          AND r.${column} = $3`,
      [subject.organizationId, target.kind, subject.id],
    );
    return rows.map((row) => row.id);
  }

  async count(spec: TableRuleSpec, scope: RetentionScope): Promise<RetentionCount[]> {
    const { from, params, organization, held } = this.parts(spec, scope);
    const rows: Array<{ organization_id: string | null; eligible: number; held: number }> = await this.transactions
      .managerOf()
      .query(
        `SELECT ${organization} AS organization_id,
                count(*) FILTER (WHERE NOT ${held})::int AS eligible,
                count(*) FILTER (WHERE ${held})::int AS held
           ${from} GROUP BY 1`,
        params,
      );
    return rows.map((row) => ({
      organizationId: row.organization_id,
      category: spec.category,
      eligible: row.eligible,
      held: row.held,
    }));
  }

  async sample(spec: TableRuleSpec, scope: RetentionScope, limit: number): Promise<{ ids: string[]; starts: Date[] }> {
    const { from, params, held, idColumn } = this.parts(spec, scope);
    const manager = this.transactions.managerOf();
    const ids: Array<{ id: string }> = await manager.query(
      `SELECT t.${idColumn} AS id ${from} AND NOT ${held} ORDER BY ${spec.startsAt}, t.${idColumn} LIMIT ${Number(limit)}`,
      params,
    );
    const later = this.parts(spec, scope, '>=');
    const starts: Array<{ starts_at: Date | string }> = await manager.query(
      `SELECT (${spec.startsAt})::timestamptz AS starts_at ${later.from} ORDER BY 1 LIMIT ${Number(limit)}`,
      later.params,
    );
    return { ids: ids.map((row) => row.id), starts: starts.map((row) => new Date(row.starts_at)) };
  }

  async purge(tx: Transaction, spec: TableRuleSpec, scope: RetentionScope, limit: number): Promise<RetentionPurged[]> {
    const { from, params, organization, held, idColumn } = this.parts(spec, scope);
    const rows: Array<{ id: string; organization_id: string | null }> = await tx.manager.query(
      `WITH gone AS (
         DELETE FROM ${spec.table} WHERE ${idColumn} IN (
           SELECT t.${idColumn} ${from} AND NOT ${held}
            ORDER BY ${spec.startsAt}, t.${idColumn} LIMIT ${Number(limit)} FOR UPDATE OF t SKIP LOCKED)
         RETURNING ${idColumn} AS id, ${organization.replace('t.', '')} AS organization_id)
       SELECT id, organization_id FROM gone`,
      params,
    );
    if (rows.length && spec.afterPurge)
      await spec.afterPurge(
        tx,
        rows.map((row) => row.id),
      );
    const byOrganization = new Map<string | null, number>();
    for (const row of rows) byOrganization.set(row.organization_id, (byOrganization.get(row.organization_id) ?? 0) + 1);
    return [...byOrganization].map(([organizationId, count]) => ({ organizationId, category: spec.category, count }));
  }

  private parts(spec: TableRuleSpec, scope: RetentionScope, compare: '<' | '>=' = '<') {
    const organizationColumn = spec.organizationColumn === undefined ? 'organization_id' : spec.organizationColumn;
    const idColumn = spec.idColumn ?? 'id';
    for (const name of [spec.table, organizationColumn, idColumn, ...(spec.held ?? []).map((held) => held.column)]) {
      if (name !== null && !IDENTIFIER.test(name))
        throw new Error(`Retention rule ${spec.key}: bad identifier ${name}`);
    }
    // An organization's own period, where the rule allows one, replaces the platform's cut-off.
    const adjustable = Boolean(spec.adjustable && organizationColumn);
    const params: unknown[] = adjustable ? [scope.cutoff, scope.at, spec.key] : [scope.cutoff];
    const cutoff = adjustable
      ? `COALESCE((SELECT ${cutoffSql('$2', 'o.value', spec.unit)} FROM retention_overrides o
           WHERE o.organization_id = t.${organizationColumn} AND o.rule = $3::text), $1)`
      : '$1';
    const conditions = [`${spec.startsAt} ${compare} ${cutoff}`];
    if (spec.where) conditions.push(`(${spec.where})`);
    if (scope.organizationId) {
      if (!organizationColumn) conditions.push('false');
      else {
        params.push(scope.organizationId);
        conditions.push(`t.${organizationColumn} = $${params.length}`);
      }
    }
    return {
      idColumn,
      from: `FROM ${spec.table} t WHERE ${conditions.join(' AND ')}`,
      params,
      organization: organizationColumn ? `t.${organizationColumn}` : 'NULL::uuid',
      held: organizationColumn ? heldBy(organizationColumn, spec.held) : 'false',
    };
  }
}
