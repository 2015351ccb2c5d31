import type { Pool, PoolClient } from 'pg';
import { AUDIT_INSERT, AUDIT_INSERT_IN_TRANSACTION } from './sql.js';

/** The technical facts of a request that every audit entry carries (common/request-context.ts). */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEvent {
  organizationId: string;
  action: string;
  actor: { kind: 'user' | 'api_key'; id: string };
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

/** A person's repeated views of one record within this window make one entry (audit/audit.service.ts). */
const VIEW_WINDOW_MS = 5 * 60_000;
const VIEW_MEMORY = 10_000;

/**
 * The product's audit writes with the same statement: an entry in the change's transaction
 * (just before COMMIT), or on its own for a view, at most one per caller and record every
 * five minutes. The database trigger chains and hashes every entry, for both servers alike.
 * Off (BENCH_AUDIT=off) it writes nothing, like AUDIT_DISABLED_FOR_BENCHMARK.
 */
export class AuditTrail {
  private readonly recentViews = new Map<string, number>();

  constructor(
    private readonly pool: Pool,
    readonly enabled: boolean,
  ) {}

  /** `db` is the pool (one statement) or a transaction's client (chained at its COMMIT). */
  async insert(db: Pool | PoolClient, context: RequestContext, event: AuditEvent): Promise<void> {
    if (!this.enabled) return;
    await db.query(db === this.pool ? AUDIT_INSERT : AUDIT_INSERT_IN_TRANSACTION, [
      event.organizationId,
      event.actor.kind,
      event.actor.id,
      event.action,
      event.targetType,
      event.targetId,
      'success',
      context.requestId,
      context.ip,
      context.userAgent,
      event.details ? JSON.stringify(event.details) : null,
    ]);
  }

  async recordView(
    context: RequestContext,
    actor: AuditEvent['actor'],
    organizationId: string,
    targetType: string,
    targetId: string,
  ): Promise<void> {
    if (!this.enabled) return;
    const key = `${actor.kind}:${actor.id}:${targetType}:${targetId}`;
    const now = Date.now();
    const last = this.recentViews.get(key);
    if (last !== undefined && now - last < VIEW_WINDOW_MS) return;
    await this.insert(this.pool, context, {
      organizationId,
      action: 'personal_data.viewed',
      actor,
      targetType,
      targetId,
    });
    this.recentViews.delete(key);
    this.recentViews.set(key, now);
    if (this.recentViews.size > VIEW_MEMORY) {
      const oldest = this.recentViews.keys().next().value;
      if (oldest !== undefined) this.recentViews.delete(oldest);
    }
  }
}
