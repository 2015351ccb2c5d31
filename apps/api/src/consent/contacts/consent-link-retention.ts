import { Injectable } from '@nestjs/common';
import { AppSettings } from '../../config/settings.module.js';
import {
  cutoffOf,
  type RetentionPurged,
  type RetentionRule,
  type RetentionScope,
} from '../../retention/retention.types.js';
import { ConsentLedgerRepository } from './consent-ledger.repository.js';
import { CONSENT_CONTACT_PURPOSES } from './contact-consents.types.js';

/**
 * Double opt-in links that expired unused, with the pending entries they were for (never a
 * basis for processing): deleted once the one-time-link period has passed. Confirmed or
 * withdrawn entries are the consent proof and are never purged by this rule.
 */
@Injectable()
export class ConsentLinkRetention implements RetentionRule {
  readonly key = 'consent-links';
  readonly title = 'Unconfirmed double opt-in links and their pending consents';
  readonly setting = 'retention.expiredLinkDays';
  readonly unit = 'days' as const;
  readonly from = 'after the link expired unused';
  readonly touches = ['contact_consent_entries', 'consent_confirmations'];

  constructor(
    private readonly ledger: ConsentLedgerRepository,
    private readonly settings: AppSettings,
  ) {}

  settingValue(): number {
    return this.settings.retention.expiredLinkDays;
  }

  cutoff(now: Date): Date {
    return cutoffOf(now, this.settingValue(), this.unit);
  }

  async count(scope: RetentionScope) {
    const rows = await this.ledger.countExpiredLinks(scope.cutoff, scope.organizationId);
    return rows.map((row) => ({ organizationId: row.organization_id, category: CONSENT_CONTACT_PURPOSES, ...row }));
  }

  async sample() {
    return { ids: [], nextExpiries: [] };
  }

  async purge(tx: Parameters<RetentionRule['purge']>[0], scope: RetentionScope, limit: number) {
    const rows = await this.ledger.purgeExpiredPending(scope.cutoff, scope.organizationId, limit, tx);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.organization_id, (counts.get(row.organization_id) ?? 0) + 1);
    return [...counts].map(
      ([organizationId, count]): RetentionPurged => ({ organizationId, category: CONSENT_CONTACT_PURPOSES, count }),
    );
  }
}
