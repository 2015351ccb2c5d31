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
import { ConsentLedgerRepository } from './consent-ledger.repository.js';
import { ContactConsentsService } from './contact-consents.service.js';
import { CONSENT_CONTACT_PURPOSES, OPT_IN_LINK_HOURS } from './contact-consents.types.js';

/**
 * A contact's consent ledger. Erasure deletes every entry and keeps no suppression record:
 * marketing here is opt-in (no valid basis without a grant or confirmed opt-in), so a
 * person erased and later re-added starts with no basis and is excluded from marketing
 * lists and exports by the same query condition, without keeping anything about them.
 */
@Injectable()
export class ContactConsentsPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = CONSENT_CONTACT_PURPOSES;
  /** Before the contact's own record (90), whose deletion would otherwise take the entries uncounted. */
  readonly erasureOrder = 30;

  constructor(
    private readonly ledger: ConsentLedgerRepository,
    private readonly consents: ContactConsentsService,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['contact'],
      description:
        'Consent ledger: for each purpose (marketing email, SMS, calls, profiling…), every grant, withdrawal, ' +
        'objection and double opt-in, with the exact wording shown, the source, the time and who recorded it.',
      fields: [
        { name: 'action', description: 'Granted, withdrawn, objected, pending or confirmed', encrypted: false },
        { name: 'lawfulBasis', description: 'The lawful basis stated with a grant', encrypted: false },
        { name: 'source', description: 'Where the person said so: form, phone, import, API…', encrypted: false },
        { name: 'recordedAt', description: 'When', encrypted: false },
      ],
      purposes: [
        'Prove consent to marketing and profiling, and honour withdrawals and objections at once (Art. 7(1), 21 GDPR)',
      ],
      lawfulBasis: 'legal-obligation',
      retention: {
        setting: 'retention.accountDaysAfterSubscription',
        description:
          'As long as the contact is kept (while the organization subscribes, plus ' +
          `${this.settings.retention.accountDaysAfterSubscription} days); unconfirmed double opt-in requests after ` +
          `${OPT_IN_LINK_HOURS} hours. ` +
          'Erasure deletes the whole ledger and keeps no suppression list: without a new grant the person is ' +
          'never in a marketing list or export again.',
      },
      processors: ['Cloud infrastructure (hosting and storage)', 'Email delivery (double opt-in links)'],
    };
  }

  locate(subject: DataSubject): Promise<number> {
    return subject.kind === 'contact' ? this.ledger.countOf(subject.organizationId, subject.id) : Promise.resolve(0);
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    if (subject.kind !== 'contact') return;
    const { history } = await this.consents.ledgerOf(subject.organizationId, subject.id);
    for (const entry of history) {
      yield {
        purpose: entry.purposeName,
        action: entry.action,
        lawfulBasis: entry.lawfulBasis,
        source: entry.source,
        wordingVersion: entry.wordingVersion,
        wording: entry.wordingText,
        recordedAt: entry.recordedAt,
      };
    }
  }

  /** Deleted in either mode: nothing of the ledger is kept once the person is erased (see above). */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    if (subject.kind !== 'contact') return { mode: 'delete', affected: 0, more: false };
    const affected = await this.ledger.deleteOfContact(subject.organizationId, subject.id, limit, tx);
    return { mode: 'delete', affected, more: affected === limit };
  }

  /** Restriction is enforced on the contact record; the ledger itself is proof and stays readable. */
  async restrict(): Promise<void> {}
}
