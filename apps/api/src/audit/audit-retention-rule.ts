import { Injectable } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import type { Transaction } from '../database/transaction.service.js';
import {
  cutoffOf,
  type RetentionCount,
  type RetentionPurged,
  type RetentionRule,
  type RetentionScope,
} from '../retention/retention.types.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AUDIT_TRAIL } from './audit.types.js';

/**
 * The audit trail's retention: entries older than the period go, oldest first, and the
 * database function `audit_purge` keeps a checkpoint of the chain so the rest still verifies.
 * Each organization's purge also leaves an `audit.purged` entry in its own trail.
 */
@Injectable()
export class AuditRetentionRule implements RetentionRule {
  readonly key = 'audit-trail';
  readonly title = 'Security and audit log entries';
  readonly setting = 'audit.retentionDays';
  readonly unit = 'days' as const;
  readonly from = 'after the event';
  readonly touches = ['audit_entries', 'audit_chain_heads', 'audit_checkpoints'];

  constructor(
    private readonly entries: AuditRepository,
    private readonly audit: AuditService,
    private readonly settings: AppSettings,
  ) {}

  settingValue(): number {
    return this.settings.audit.retentionDays;
  }

  cutoff(now: Date): Date {
    return cutoffOf(now, this.settingValue(), this.unit);
  }

  async count(scope: RetentionScope): Promise<RetentionCount[]> {
    return (await this.entries.countBefore(scope.cutoff, scope.organizationId)).map((row) => ({
      organizationId: row.organization_id,
      category: AUDIT_TRAIL,
      eligible: row.held ? 0 : row.entries,
      held: row.held ? row.entries : 0,
    }));
  }

  async sample() {
    return { ids: [], nextExpiries: [] };
  }

  async purge(tx: Transaction, scope: RetentionScope, limit: number): Promise<RetentionPurged[]> {
    const purged: RetentionPurged[] = [];
    let left = limit;
    for (const organizationId of await this.entries.chainsWithEntriesBefore(scope.cutoff, scope.organizationId, tx)) {
      if (left <= 0) break;
      const count = await this.entries.purge(organizationId, scope.cutoff, left, tx);
      if (count === 0) continue;
      this.audit.record(tx, {
        organizationId,
        action: 'audit.purged',
        actor: { kind: 'system', id: null },
        details: { entries: count, before: scope.cutoff.toISOString() },
      });
      purged.push({ organizationId, category: AUDIT_TRAIL, count });
      left -= count;
    }
    return purged;
  }
}
