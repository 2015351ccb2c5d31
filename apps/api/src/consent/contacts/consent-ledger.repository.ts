import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { heldBy } from '../../database/held-by.js';
import { insertEntity } from '../../database/insert-entity.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { LATEST_ORDER, VALID_ACTIONS_SQL } from './consent-sql.js';
import type { ConsentAction } from './contact-consents.types.js';
import { ConsentConfirmationEntity } from './entities/consent-confirmation.entity.js';
import { ContactConsentEntryEntity } from './entities/contact-consent-entry.entity.js';

export type NewEntry = Omit<ContactConsentEntryEntity, 'id' | 'seq' | 'purpose' | 'wording'>;

export interface RatePoint {
  day: string;
  purposeKey: string;
  valid: number;
  recorded: number;
}

/** The append-only ledger and the double opt-in requests. Nothing here updates an entry. */
@Injectable()
export class ConsentLedgerRepository {
  constructor(private readonly transactions: TransactionService) {}

  private entries(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ContactConsentEntryEntity);
  }

  private confirmations(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ConsentConfirmationEntity);
  }

  async append(values: NewEntry[], tx: Transaction): Promise<ContactConsentEntryEntity[]> {
    const saved: ContactConsentEntryEntity[] = [];
    for (const entry of values) saved.push(await insertEntity(this.entries(tx), entry));
    return saved;
  }

  /** A contact's whole ledger, oldest first. */
  history(organizationId: string, contactId: string): Promise<ContactConsentEntryEntity[]> {
    return this.entries().find({
      where: { organizationId, contactId },
      order: { recordedAt: 'ASC', seq: 'ASC' },
    });
  }

  /** The latest entry of each purpose the contact has entries for: the current state. */
  async latestPerPurpose(
    organizationId: string,
    contactId: string,
    tx?: Transaction,
  ): Promise<Map<string, { action: ConsentAction; entryId: string }>> {
    const rows: Array<{ purpose_id: string; action: ConsentAction; id: string }> = await this.entries(tx).query(
      `SELECT DISTINCT ON (purpose_id) purpose_id, action, id FROM contact_consent_entries
       WHERE organization_id = $1 AND contact_id = $2 ORDER BY purpose_id, ${LATEST_ORDER}`,
      [organizationId, contactId],
    );
    return new Map(rows.map((row) => [row.purpose_id, { action: row.action, entryId: row.id }]));
  }

  /**
   * Per period start and purpose: contacts whose latest entry by the end of the period is a
   * valid basis, and contacts with any entry for it by then. One statement over the range.
   */
  async rates(organizationId: string, from: string, to: string, stepDays: number): Promise<RatePoint[]> {
    const rows: Array<{ day: string; key: string; valid: number; recorded: number }> = await this.entries().query(
      `SELECT to_char(period.start, 'YYYY-MM-DD') AS day, purpose.key,
              count(latest.action) FILTER (WHERE latest.action IN (${VALID_ACTIONS_SQL}))::int AS valid,
              count(latest.action)::int AS recorded
       FROM generate_series($2::date, $3::date, make_interval(days => $4::int)) AS period(start)
       CROSS JOIN consent_purposes purpose
       LEFT JOIN LATERAL (
         SELECT DISTINCT ON (entry.contact_id) entry.action FROM contact_consent_entries entry
         WHERE entry.organization_id = purpose.organization_id AND entry.purpose_id = purpose.id
           AND entry.recorded_at < period.start + make_interval(days => $4::int)
         ORDER BY entry.contact_id, entry.${LATEST_ORDER.replace(', seq', ', entry.seq')}
       ) latest ON true
       WHERE purpose.organization_id = $1 AND purpose.archived_at IS NULL
       GROUP BY period.start, purpose.key
       ORDER BY period.start, purpose.key`,
      [organizationId, from, to, stepDays],
    );
    return rows.map((row) => ({
      day: row.day,
      purposeKey: row.key,
      valid: Number(row.valid),
      recorded: Number(row.recorded),
    }));
  }

  async anyIn(organizationId: string): Promise<boolean> {
    return (await this.entries().findOne({ where: { organizationId }, select: { id: true } })) !== null;
  }

  async countOf(organizationId: string, contactId: string): Promise<number> {
    return this.entries().countBy({ organizationId, contactId });
  }

  /** Erasure of the person: the one DELETE the append-only trigger lets through (flag local to `tx`). */
  async deleteOfContact(organizationId: string, contactId: string, limit: number, tx: Transaction): Promise<number> {
    const manager = this.transactions.managerOf(tx);
    await manager.query(`SELECT set_config('steward.consent_erasure', 'on', true)`);
    const deleted: unknown[] = await manager.query(
      `WITH gone AS (DELETE FROM contact_consent_entries WHERE (organization_id, id) IN (
         SELECT organization_id, id FROM contact_consent_entries WHERE organization_id = $1 AND contact_id = $2 LIMIT $3)
       RETURNING id) SELECT id FROM gone`,
      [organizationId, contactId, limit],
    );
    await manager.query(`DELETE FROM consent_confirmations WHERE organization_id = $1 AND contact_id = $2`, [
      organizationId,
      contactId,
    ]);
    await manager.query(`SELECT set_config('steward.consent_erasure', 'off', true)`);
    return deleted.length;
  }

  /**
   * Retention: pending entries whose double opt-in link expired unused before `cutoff` go (they
   * never were a basis), then such links themselves, at most `limit` of each, in `tx`; rows of a
   * held contact or organization stay. Returns the deleted rows' organizations.
   */
  async purgeExpiredPending(
    cutoff: Date,
    organizationId: string | null,
    limit: number,
    tx: Transaction,
  ): Promise<Array<{ organization_id: string }>> {
    const manager = this.transactions.managerOf(tx);
    const held = heldBy('organization_id', [{ kind: 'contact', column: 'contact_id' }]);
    const scope = organizationId ? 'AND t.organization_id = $3' : '';
    const params = organizationId ? [cutoff, limit, organizationId] : [cutoff, limit];
    await manager.query(`SELECT set_config('steward.consent_erasure', 'on', true)`);
    const entries: Array<{ organization_id: string }> = await manager.query(
      `WITH gone AS (DELETE FROM contact_consent_entries WHERE (organization_id, id) IN (
         SELECT t.organization_id, t.id FROM contact_consent_entries t
         JOIN consent_confirmations link ON link.organization_id = t.organization_id AND link.id = t.confirmation_id
         WHERE t.action = 'pending' AND link.used_at IS NULL AND link.expires_at < $1 ${scope} AND NOT ${held}
         LIMIT $2)
       RETURNING organization_id) SELECT organization_id FROM gone`,
      params,
    );
    const links: Array<{ organization_id: string }> = await manager.query(
      `WITH gone AS (DELETE FROM consent_confirmations WHERE (organization_id, id) IN (
         SELECT t.organization_id, t.id FROM consent_confirmations t
         WHERE t.expires_at < $1 ${scope} AND NOT ${held}
           AND NOT EXISTS (SELECT 1 FROM contact_consent_entries entry
                           WHERE entry.organization_id = t.organization_id AND entry.confirmation_id = t.id AND entry.action = 'pending' AND t.used_at IS NULL)
         LIMIT $2)
       RETURNING organization_id) SELECT organization_id FROM gone`,
      params,
    );
    await manager.query(`SELECT set_config('steward.consent_erasure', 'off', true)`);
    return [...entries, ...links];
  }

  /** Expired links (and their pending entries) a purge at `cutoff` would take, per organization. */
  async countExpiredLinks(cutoff: Date, organizationId: string | null) {
    const held = heldBy('organization_id', [{ kind: 'contact', column: 'contact_id' }]);
    const rows: Array<{ organization_id: string; eligible: number; held: number }> = await this.transactions
      .managerOf()
      .query(
        `SELECT t.organization_id, count(*) FILTER (WHERE NOT ${held})::int AS eligible,
                count(*) FILTER (WHERE ${held})::int AS held
           FROM consent_confirmations t
          WHERE t.expires_at < $1 ${organizationId ? 'AND t.organization_id = $2' : ''}
          GROUP BY 1`,
        organizationId ? [cutoff, organizationId] : [cutoff],
      );
    return rows;
  }

  async insertConfirmation(
    values: Pick<ConsentConfirmationEntity, 'organizationId' | 'contactId' | 'tokenHash' | 'expiresAt'>,
    tx: Transaction,
  ): Promise<ConsentConfirmationEntity> {
    return insertEntity(this.confirmations(tx), { ...values, usedAt: null });
  }

  /** The link's row by its hash, used or not (to learn its organization before a transaction). */
  findConfirmation(tokenHash: string): Promise<ConsentConfirmationEntity | null> {
    return this.confirmations().findOneBy({ tokenHash });
  }

  /** Uses the link up if it is unused and unexpired (atomic); null otherwise. */
  async consumeConfirmation(tokenHash: string, now: Date, tx: Transaction): Promise<ConsentConfirmationEntity | null> {
    const [row]: Array<{ id: string }> = await this.transactions.managerOf(tx).query(
      `WITH used AS (
         UPDATE consent_confirmations SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING id)
       SELECT id FROM used`,
      [tokenHash, now],
    );
    return row ? this.confirmations(tx).findOneByOrFail({ id: row.id }) : null;
  }

  /** How many opt-in links went to the contact since `since` (a cap on mails to one address). */
  recentConfirmations(organizationId: string, contactId: string, since: Date): Promise<number> {
    return this.confirmations().countBy({ organizationId, contactId, createdAt: MoreThan(since) });
  }

  /** The pending entries a confirmation link asked for. */
  pendingOf(confirmationId: string, tx: Transaction): Promise<ContactConsentEntryEntity[]> {
    return this.entries(tx).find({ where: { confirmationId, action: 'pending' }, order: { seq: 'ASC' } });
  }
}
