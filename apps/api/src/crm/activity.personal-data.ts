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
import { AppSettings } from '../config/settings.module.js';
import type { Transaction } from '../database/transaction.service.js';
import { ActivityRepository } from './activity.repository.js';
import { CRM_ACTIVITY } from './crm.types.js';
import { CRM_PROCESSORS, whileSubscribed } from './crm-retention.js';

/** A staff member's trail in the CRM activity log: which records they created, changed, deleted. */
@Injectable()
export class ActivityPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = CRM_ACTIVITY;

  constructor(
    private readonly activity: ActivityRepository,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description: 'Activity log entries you made: which CRM records you created, changed or deleted, and when.',
      fields: [
        { name: 'action', description: 'Created, updated or deleted', encrypted: false },
        { name: 'record', description: 'Kind and id of the record', encrypted: false },
        { name: 'fields', description: 'Names of the fields changed (never their values)', encrypted: false },
        { name: 'at', description: 'Time', encrypted: false },
      ],
      purposes: ["Keep the history of the organization's records", 'Accountability between colleagues'],
      lawfulBasis: 'legitimate-interests',
      retention: whileSubscribed(this.settings),
      processors: CRM_PROCESSORS,
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    return (await this.activity.listByActor(subject.organizationId, subject.id)).length;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    for (const entry of await this.activity.listByActor(subject.organizationId, subject.id)) {
      yield {
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId,
        fields: entry.fields,
        at: entry.at,
      };
    }
  }

  /** The entries are the records' history, which the organization keeps: they lose their author instead. */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    const affected = await this.activity.forgetActor(subject.organizationId, subject.id, limit, tx);
    return { mode: 'deidentify', affected, more: affected === limit };
  }

  /** Entries are not processed further than being shown on records: nothing to switch off. */
  async restrict(): Promise<void> {}
}
