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
import { CRM_COMMUNICATIONS } from '../crm.types.js';
import { CRM_PROCESSORS, whileSubscribed } from '../crm-retention.js';
import { CommunicationsRepository } from './communications.repository.js';
import { CommunicationsService } from './communications.service.js';

/** What was said with a client or contact: calls, emails, meetings, notes. */
@Injectable()
export class CommunicationsPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = CRM_COMMUNICATIONS;
  readonly erasureOrder = 20;

  constructor(
    private readonly communications: CommunicationsRepository,
    private readonly service: CommunicationsService,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['client', 'contact'],
      description: 'Communication history: calls, emails, meetings and notes, with direction, time and author.',
      fields: [
        { name: 'kind', description: 'Call, email, meeting or note', encrypted: false },
        { name: 'occurredAt', description: 'When it happened', encrypted: false },
        { name: 'subject', description: 'Subject line', encrypted: true },
        { name: 'body', description: 'What was said or written', encrypted: true },
      ],
      purposes: ['Keep the history of the customer relationship on behalf of the organization'],
      lawfulBasis: 'legitimate-interests',
      retention: whileSubscribed(this.settings),
      processors: CRM_PROCESSORS,
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    return (await this.rows(subject)).length;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    for (const view of await this.service.toViews(subject.organizationId, await this.rows(subject))) {
      yield {
        kind: view.kind,
        direction: view.direction,
        occurredAt: view.occurredAt,
        durationMinutes: view.durationMinutes,
        subject: view.subject,
        body: view.body,
        author: view.authorName,
      };
    }
  }

  /** Deletes them, a batch per step (nothing of what was said is kept by law, in either mode). */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    const kind = subject.kind === 'contact' ? 'contact' : 'client';
    const affected = await this.communications.deleteOfSubject(subject.organizationId, kind, subject.id, limit, tx);
    return { mode: 'delete', affected, more: affected === limit };
  }

  /** Restriction is enforced on the parties: nothing new is logged for a restricted client or contact. */
  async restrict(): Promise<void> {}

  private rows(subject: DataSubject) {
    const kind = subject.kind === 'contact' ? 'contact' : 'client';
    return this.communications.listOfSubject(subject.organizationId, kind, subject.id);
  }
}
