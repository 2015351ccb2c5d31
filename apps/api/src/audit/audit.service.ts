import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { currentRequest } from '../common/request-context.js';
import { AppSettings } from '../config/settings.module.js';
import type { Transaction } from '../database/transaction.service.js';
import { AuditRepository, type NewAuditRow } from './audit.repository.js';
import type { AuditActor, AuditEvent } from './audit.types.js';
import { PLATFORM_CHAIN } from './audit-chain.js';

/** A person's repeated views of one record within this window make one entry. */
const VIEW_WINDOW_MS = 5 * 60_000;
const VIEW_MEMORY = 10_000;

/**
 * Writes the audit trail. Changes record their entry with `record(tx, …)`: it is written
 * in that transaction, just before it commits, so the change and its entry commit together
 * or not at all. Events that change nothing (a failed sign-in, a denied request, a view)
 * use `recordNow`, which the request awaits: a failed audit write fails the request.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');
  private readonly pending = new WeakMap<Transaction, NewAuditRow[]>();
  private readonly recentViews = new Map<string, number>();
  private readonly disabled: boolean;

  constructor(
    private readonly entries: AuditRepository,
    settings: AppSettings,
    private readonly clock: Clock,
  ) {
    this.disabled = settings.audit.disabledForBenchmark;
    if (this.disabled) this.logger.warn('AUDIT_DISABLED_FOR_BENCHMARK is set: changes are NOT being audited');
  }

  record(tx: Transaction, event: AuditEvent): void {
    if (this.disabled) return;
    let rows = this.pending.get(tx);
    if (!rows) {
      const queued: NewAuditRow[] = [];
      rows = queued;
      this.pending.set(tx, queued);
      tx.beforeCommit(this, () => this.entries.insert(queued, tx));
    }
    rows.push(this.toRow(event));
  }

  async recordNow(event: AuditEvent): Promise<void> {
    if (this.disabled) return;
    await this.entries.insert([this.toRow(event)]);
  }

  /**
   * Someone looked at a person's records. Repeated views of the same record by the same
   * caller within five minutes are one entry (per API process), so reading a page twice
   * does not double the trail.
   */
  async recordView(organizationId: string, targetType: string, targetId: string): Promise<void> {
    const actor = this.currentActor();
    const key = `${actor.kind}:${actor.id}:${targetType}:${targetId}`;
    const now = this.clock.nowMs();
    const last = this.recentViews.get(key);
    if (last !== undefined && now - last < VIEW_WINDOW_MS) return;
    await this.recordNow({ organizationId, action: 'personal_data.viewed', targetType, targetId });
    this.recentViews.delete(key);
    this.recentViews.set(key, now);
    if (this.recentViews.size > VIEW_MEMORY) {
      const oldest = this.recentViews.keys().next().value;
      if (oldest !== undefined) this.recentViews.delete(oldest);
    }
  }

  private toRow(event: AuditEvent): NewAuditRow {
    const request = currentRequest();
    const actor = event.actor ?? this.currentActor();
    return {
      organizationId: event.organizationId ?? PLATFORM_CHAIN,
      actorKind: actor.kind,
      actorId: actor.id,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      outcome: event.outcome ?? 'success',
      requestId: request?.requestId ?? null,
      ip: request?.ip ?? null,
      userAgent: request?.userAgent ?? null,
      details: event.details ?? null,
    };
  }

  private currentActor(): AuditActor {
    const request = currentRequest();
    if (!request) return { kind: 'system', id: null };
    return request.actor ? { kind: request.actor.kind, id: request.actor.id } : { kind: 'anonymous', id: null };
  }
}
