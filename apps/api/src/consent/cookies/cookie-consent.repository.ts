import { Injectable } from '@nestjs/common';
import { insertEntity } from '../../database/insert-entity.js';
import { withPlatformScope } from '../../database/tenant-scope.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { CookieConsentEntity } from './entities/cookie-consent.entity.js';

export type NewCookieConsent = Pick<
  CookieConsentEntity,
  'consentId' | 'categories' | 'revision' | 'recordedAt' | 'ipPrefix' | 'organizationId' | 'userId'
>;

/** The cookie-choice log: append, read the latest, and remove what outlived its retention. */
@Injectable()
export class CookieConsentRepository {
  constructor(private readonly transactions: TransactionService) {}

  private entries(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(CookieConsentEntity);
  }

  append(values: NewCookieConsent): Promise<CookieConsentEntity> {
    return insertEntity(this.entries(), values);
  }

  /**
   * The latest choice logged under a browser's consent id. Looked up across organizations (the
   * platform scope): a visitor's choice, logged before signing in, has none, and the id is the
   * browser's own random proof whoever signs in later.
   */
  latestForConsentId(consentId: string): Promise<CookieConsentEntity | null> {
    return withPlatformScope(() => this.entries().findOne({ where: { consentId }, order: { seq: 'DESC' } }));
  }

  /** The latest choice a signed-in user made, on any device. */
  latestForUser(organizationId: string, userId: string): Promise<CookieConsentEntity | null> {
    return this.entries().findOne({
      where: { organizationId, userId },
      order: { seq: 'DESC' },
    });
  }

  listForUser(organizationId: string, userId: string): Promise<CookieConsentEntity[]> {
    return this.entries().find({ where: { organizationId, userId }, order: { seq: 'ASC' } });
  }

  /** Up to `limit` of the user's entries (one erasure step); returns how many went. */
  async deleteForUser(organizationId: string, userId: string, limit: number, tx: Transaction): Promise<number> {
    return this.deleteWhere('organization_id = $1 AND user_id = $2', [organizationId, userId], limit, tx);
  }

  private async deleteWhere(where: string, params: unknown[], limit: number, tx?: Transaction): Promise<number> {
    const [, affected] = await this.transactions
      .managerOf(tx)
      .query(
        `DELETE FROM cookie_consents WHERE id IN (SELECT id FROM cookie_consents WHERE ${where} LIMIT $${params.length + 1})`,
        [...params, limit],
      );
    return Number(affected ?? 0);
  }
}
