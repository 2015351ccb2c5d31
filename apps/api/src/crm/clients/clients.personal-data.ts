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
import { CRM_CLIENTS } from '../crm.types.js';
import { CRM_PROCESSORS, WHILE_SUBSCRIBED } from '../crm-retention.js';
import { RecordCipher } from '../record-cipher.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';

/** A client who is a person (or a sole trader): the client record itself. */
@Injectable()
export class ClientsPersonalData implements PersonalDataProvider {
  readonly category = CRM_CLIENTS;
  /** The subject's own record goes last: its jobs and communications are erased first. */
  readonly erasureOrder = 90;

  constructor(
    private readonly transactions: TransactionService,
    private readonly clients: ClientsRepository,
    private readonly service: ClientsService,
    private readonly cipher: RecordCipher,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['client'],
      description: 'Client records: name, contact details, address, company details, notes and tags.',
      fields: [
        { name: 'name', description: 'Name of the person or company', encrypted: true },
        { name: 'email', description: 'Email address', encrypted: true },
        { name: 'phone', description: 'Phone number', encrypted: true },
        { name: 'address', description: 'Postal address', encrypted: true },
        { name: 'company', description: 'Company details (legal name, registration and VAT numbers)', encrypted: true },
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
    return (await this.clients.find(subject.organizationId, subject.id)) ? 1 : 0;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    const client = await this.clients.find(subject.organizationId, subject.id);
    if (!client) return;
    const { id, version, restricted, ...view } = await this.service.toView(client);
    yield { ...view, restrictedProcessing: restricted };
  }

  /** Deletes the record and shreds its key: copies in backups become unreadable too. */
  async erase(subject: DataSubject, mode: ErasureMode): Promise<ErasureReceipt> {
    const deleted = await this.transactions.run((tx) => this.clients.delete(subject.organizationId, subject.id, tx));
    await this.cipher.shred(this.cipher.subject('client', subject.id));
    return { category: this.category, mode, affected: deleted ? 1 : 0, completedAt: new Date() };
  }

  async restrict(subject: DataSubject, on: boolean): Promise<void> {
    await this.clients.setRestricted(subject.organizationId, subject.id, on ? new Date() : null);
  }

  /** Nothing expires on its own: clients go with the organization, or on request. */
  async purgeExpired(): Promise<number> {
    return 0;
  }
}
