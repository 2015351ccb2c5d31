import { Injectable } from '@nestjs/common';
import type {
  DataCategory,
  DataSubject,
  ErasureContext,
  ErasureMode,
  ErasureStep,
  ExportRecord,
  PersonalDataProvider,
} from '#personal-data';
import { AppSettings } from '../../config/settings.module.js';
import type { Transaction } from '../../database/transaction.service.js';
import { CookieConsentRepository } from './cookie-consent.repository.js';
import { COOKIE_CONSENT_LOG } from './entities/cookie-consent.entity.js';

/**
 * The cookie-choice log of signed-in users. Visitors' entries are keyed by the random consent
 * id in their browser only: nothing links them to a person we could find, export or erase,
 * so they leave with the retention purge.
 */
@Injectable()
export class CookieConsentPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = COOKIE_CONSENT_LOG;

  constructor(
    private readonly entries: CookieConsentRepository,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description:
        'Your cookie choices: which categories you accepted, for which revision of the cookie policy, when, ' +
        'and the network you chose from (IPv4 /24 or IPv6 /48, never the full address).',
      fields: [
        { name: 'consentId', description: 'Random id your browser keeps in its consent cookie', encrypted: false },
        { name: 'categories', description: 'Cookie categories accepted', encrypted: false },
        { name: 'revision', description: 'Revision of the cookie policy shown', encrypted: false },
        { name: 'recordedAt', description: 'When the choice was logged', encrypted: false },
        { name: 'ipPrefix', description: 'Network the choice came from, truncated', encrypted: false },
      ],
      purposes: [
        'Prove that consent to cookies was given or refused (GDPR Art. 7(1))',
        'Apply your choice on your other devices',
      ],
      lawfulBasis: 'legal-obligation',
      retention: {
        setting: 'retention.cookieConsentProofDays',
        description: `${this.settings.retention.cookieConsentProofDays} days after each choice, as proof of consent; a choice itself holds at most 182 days before you are asked again`,
      },
      processors: ['Cloud infrastructure (hosting and storage)'],
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    if (subject.kind !== 'user') return 0;
    return (await this.entries.listForUser(subject.organizationId, subject.id)).length;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    if (subject.kind !== 'user') return;
    for (const entry of await this.entries.listForUser(subject.organizationId, subject.id)) {
      yield {
        consentId: entry.consentId,
        categories: entry.categories,
        revision: entry.revision,
        recordedAt: entry.recordedAt,
        ipPrefix: entry.ipPrefix,
      };
    }
  }

  /**
   * Deleted in either mode: erasure ends the account, and with it any processing these
   * choices allowed, so the proof is no longer needed for it.
   */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    if (subject.kind !== 'user') return { mode: 'delete', affected: 0, more: false };
    const affected = await this.entries.deleteForUser(subject.organizationId, subject.id, limit, tx);
    return { mode: 'delete', affected, more: affected === limit };
  }

  /** The log is proof, not processing: nothing to pause. The consents it proves are the user's to withdraw. */
  async restrict(_subject: DataSubject, _on: boolean): Promise<void> {}
}
