import { Injectable } from '@nestjs/common';
import { heldBy } from '../database/held-by.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import type { ChainedFields } from './audit-chain.js';

/** A row as the application writes it; the trigger adds seq, at and the hashes. */
export interface NewAuditRow {
  organizationId: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditRow extends NewAuditRow {
  seq: string;
  at: Date;
}

export interface AuditFilter {
  organizationId: string;
  from?: Date;
  to?: Date;
  actorId?: string;
  /** An exact action, or a family ending in `.` (e.g. `auth.`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  /** Only entries older than this sequence number (the cursor). */
  beforeSeq?: string;
}

/** An entry as the chain verifier reads it: the exact stored text of every hashed field. */
export interface StoredLink extends ChainedFields {
  prevHash: Buffer;
  hash: Buffer;
}

const COLUMNS = [
  'organization_id',
  'actor_kind',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'outcome',
  'request_id',
  'ip',
  'user_agent',
  'details',
] as const;

const SELECT_ROW = `SELECT organization_id AS "organizationId", seq::text AS seq, at, actor_kind AS "actorKind",
  actor_id AS "actorId", action, target_type AS "targetType", target_id AS "targetId", outcome,
  request_id AS "requestId", ip, user_agent AS "userAgent", details FROM audit_entries`;

const toBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/** The only code that reads or writes the audit tables. */
@Injectable()
export class AuditRepository {
  constructor(private readonly transactions: TransactionService) {}

  /** One statement for all rows; each row is chained by the trigger in order. */
  async insert(rows: NewAuditRow[], tx?: Transaction): Promise<void> {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const values = [
        row.organizationId,
        row.actorKind,
        row.actorId,
        row.action,
        row.targetType,
        row.targetId,
        row.outcome,
        row.requestId,
        row.ip,
        row.userAgent,
        row.details === null ? null : JSON.stringify(row.details),
      ];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    // Inside a transaction the entries are queued and chained at its COMMIT (migration
    // 1795330000000-audit-chain-at-commit): the chain's lock is never held across a round trip.
    const table = tx ? 'audit_pending' : 'audit_entries';
    await this.transactions
      .managerOf(tx)
      .query(`INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }

  /** Newest first, `limit` entries matching the filter. */
  async list(filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    const { where, params } = conditions(filter);
    params.push(limit);
    return this.transactions
      .managerOf()
      .query(`${SELECT_ROW} WHERE ${where} ORDER BY audit_entries.seq DESC LIMIT $${params.length}`, params);
  }

  async findOne(organizationId: string, seq: string): Promise<AuditRow | null> {
    const rows: AuditRow[] = await this.transactions
      .managerOf()
      .query(`${SELECT_ROW} WHERE organization_id = $1 AND seq = $2`, [organizationId, seq]);
    return rows[0] ?? null;
  }

  /** A stretch of the chain in order, after `afterSeq`. */
  async links(organizationId: string, afterSeq: string, limit: number): Promise<StoredLink[]> {
    const rows: Array<Record<string, unknown>> = await this.transactions.managerOf().query(
      `SELECT organization_id::text AS "organizationId", seq::text AS seq,
         floor(extract(epoch FROM at) * 1000)::bigint::text AS "atMs", actor_kind AS "actorKind",
         actor_id::text AS "actorId", action, target_type AS "targetType", target_id AS "targetId", outcome,
         request_id AS "requestId", ip, user_agent AS "userAgent", details::text AS "detailsText",
         prev_hash AS "prevHash", hash
       FROM audit_entries WHERE organization_id = $1 AND seq > $2 ORDER BY audit_entries.seq LIMIT $3`,
      [organizationId, afterSeq, limit],
    );
    return rows.map((row) => ({
      ...(row as unknown as StoredLink),
      prevHash: toBuffer(row.prevHash),
      hash: toBuffer(row.hash),
    }));
  }

  async head(organizationId: string): Promise<{ seq: string; hash: Buffer } | null> {
    const rows: Array<{ seq: string; hash: unknown }> = await this.transactions
      .managerOf()
      .query('SELECT seq::text AS seq, hash FROM audit_chain_heads WHERE organization_id = $1', [organizationId]);
    return rows[0] ? { seq: rows[0].seq, hash: toBuffer(rows[0].hash) } : null;
  }

  async latestCheckpoint(
    organizationId: string,
  ): Promise<{ seq: string; hash: Buffer; purgedBefore: Date; purgedCount: number } | null> {
    const rows: Array<{ seq: string; hash: unknown; purgedBefore: Date; purgedCount: number }> = await this.transactions
      .managerOf()
      .query(
        `SELECT seq::text AS seq, hash, purged_before AS "purgedBefore", purged_count AS "purgedCount"
         FROM audit_checkpoints WHERE organization_id = $1 ORDER BY audit_checkpoints.seq DESC LIMIT 1`,
        [organizationId],
      );
    return rows[0] ? { ...rows[0], hash: toBuffer(rows[0].hash) } : null;
  }

  /** Every chain there is (for the CLI's "verify all"). */
  async chains(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.transactions
      .managerOf()
      .query('SELECT organization_id::text AS id FROM audit_chain_heads ORDER BY organization_id');
    return rows.map((row) => row.id);
  }

  /** The retention purge, through the one database function allowed to delete entries. */
  async purge(organizationId: string, before: Date, batch: number, tx?: Transaction): Promise<number> {
    const rows: Array<{ removed: number }> = await this.transactions
      .managerOf(tx)
      .query('SELECT audit_purge($1, $2, $3) AS removed', [organizationId, before, batch]);
    return Number(rows[0]?.removed ?? 0);
  }

  /** Chains with entries older than `before` and no legal hold on their organization (for the purge). */
  async chainsWithEntriesBefore(before: Date, organizationId: string | null, tx?: Transaction): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.transactions.managerOf(tx).query(
      `SELECT organization_id::text AS id FROM audit_chain_heads AS t WHERE EXISTS (
           SELECT 1 FROM audit_entries AS entry WHERE entry.organization_id = t.organization_id AND entry.at < $1)
           AND NOT ${heldBy('organization_id')} ${organizationId ? 'AND t.organization_id = $2' : ''}
         ORDER BY 1`,
      organizationId ? [before, organizationId] : [before],
    );
    return rows.map((row) => row.id);
  }

  /** Entries older than `before` per organization, and whether a legal hold keeps them. */
  async countBefore(before: Date, organizationId: string | null) {
    const rows: Array<{ organization_id: string; entries: number; held: boolean }> = await this.transactions
      .managerOf()
      .query(
        `SELECT t.organization_id, count(*)::int AS entries, ${heldBy('organization_id')} AS held
           FROM audit_entries t WHERE t.at < $1 AND t.organization_id IS NOT NULL
           ${organizationId ? 'AND t.organization_id = $2' : ''}
          GROUP BY t.organization_id`,
        organizationId ? [before, organizationId] : [before],
      );
    return rows;
  }

  /** Entries where a person is the actor or the target (their data-subject export). */
  async aboutPerson(organizationId: string, personId: string, afterSeq: string, limit: number): Promise<AuditRow[]> {
    return this.transactions
      .managerOf()
      .query(
        `${SELECT_ROW} WHERE organization_id = $1 AND (actor_id = $2 OR target_id = $3) AND seq > $4 ORDER BY audit_entries.seq LIMIT $5`,
        [organizationId, personId, personId, afterSeq, limit],
      );
  }

  /** The newest entries a person did, or that concerned their account, in some action families. */
  async aboutPersonInFamilies(
    organizationId: string,
    personId: string,
    families: string[],
    limit: number,
  ): Promise<AuditRow[]> {
    return this.transactions.managerOf().query(
      `${SELECT_ROW} WHERE organization_id = $1 AND (actor_id = $2 OR (target_type = 'user' AND target_id = $3))
         AND EXISTS (SELECT 1 FROM unnest($4::text[]) AS family WHERE starts_with(action, family))
       ORDER BY audit_entries.seq DESC LIMIT $5`,
      [organizationId, personId, personId, families, limit],
    );
  }

  async countAboutPerson(organizationId: string, personId: string, tx?: Transaction): Promise<number> {
    const rows: Array<{ count: string }> = await this.transactions
      .managerOf(tx)
      .query(
        'SELECT count(*)::text AS count FROM audit_entries WHERE organization_id = $1 AND (actor_id = $2 OR target_id = $3)',
        [organizationId, personId, personId],
      );
    return Number(rows[0]?.count ?? 0);
  }
}

function conditions(filter: AuditFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.organizationId];
  const clauses = ['organization_id = $1'];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.from) add((p) => `at >= ${p}`, filter.from);
  if (filter.to) add((p) => `at < ${p}`, filter.to);
  if (filter.actorId) add((p) => `actor_id = ${p}`, filter.actorId);
  if (filter.action?.endsWith('.')) add((p) => `starts_with(action, ${p})`, filter.action);
  else if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.targetType) add((p) => `target_type = ${p}`, filter.targetType);
  if (filter.targetId) add((p) => `target_id = ${p}`, filter.targetId);
  if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
  if (filter.beforeSeq) add((p) => `seq < ${p}`, filter.beforeSeq);
  return { where: clauses.join(' AND '), params };
}
