import { Injectable } from '@nestjs/common';
import type {
  DataCategory,
  DataSubject,
  ErasureMode,
  ErasureReceipt,
  ExportRecord,
  PersonalDataProvider,
} from '#personal-data';
import { TransactionService } from '../../database/transaction.service.js';
import { CRM_CONTACTS } from '../crm.types.js';
import { CRM_PROCESSORS, WHILE_SUBSCRIBED } from '../crm-retention.js';
import { RecordCipher } from '../record-cipher.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

/** A contact: the person's record itself (their communications are crm.communications). */
@Injectable()
export class ContactsPersonalData implements PersonalDataProvider {
  readonly category = CRM_CONTACTS;
  /** The subject's own record goes last: their communications are erased first. */
  readonly erasureOrder = 90;

  constructor(
    private readonly transactions: TransactionService,
    private readonly contacts: ContactsRepository,
    private readonly service: ContactsService,
    private readonly cipher: RecordCipher,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['contact'],
      description: 'Contact records: name, contact details, job title, address, notes, tags and list memberships.',
      fields: [
        { name: 'fullName', description: 'Full name', encrypted: true },
        { name: 'email', description: 'Email address', encrypted: true },
        { name: 'phone', description: 'Phone number', encrypted: true },
        { name: 'jobTitle', description: 'Job title', encrypted: true },
        { name: 'address', description: 'Postal address', encrypted: true },
        { name: 'notes', description: 'Notes by the organization', encrypted: true },
        { name: 'tags', description: 'Labels chosen by the organization', encrypted: false },
      ],
      purposes: ['Manage the customer relationship on behalf of the organization'],
      lawfulBasis: 'contract',
      retention: WHILE_SUBSCRIBED,
      processors: CRM_PROCESSORS,
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    return (await this.contacts.find(subject.organizationId, subject.id)) ? 1 : 0;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    const contact = await this.contacts.find(subject.organizationId, subject.id);
    if (!contact) return;
    const { id, version, restricted, ...view } = await this.service.toView(contact);
    yield { ...view, restrictedProcessing: restricted };
  }

  /** Deletes the record and shreds its key: copies in backups become unreadable too. */
  async erase(subject: DataSubject, mode: ErasureMode): Promise<ErasureReceipt> {
    const deleted = await this.transactions.run((tx) => this.contacts.delete(subject.organizationId, subject.id, tx));
    await this.cipher.shred(this.cipher.subject('contact', subject.id));
    return { category: this.category, mode, affected: deleted ? 1 : 0, completedAt: new Date() };
  }

  async restrict(subject: DataSubject, on: boolean): Promise<void> {
    await this.contacts.setRestricted(subject.organizationId, subject.id, on ? new Date() : null);
  }

  /** Nothing expires on its own: contacts go with the organization, or on request. */
  async purgeExpired(): Promise<number> {
    return 0;
  }
}
