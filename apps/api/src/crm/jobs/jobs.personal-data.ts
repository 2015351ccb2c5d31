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
import { CRM_JOBS } from '../crm.types.js';
import { CRM_PROCESSORS, whileSubscribed } from '../crm-retention.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

/** The work orders of a client who is a person: what was done, where, and when. */
@Injectable()
export class JobsPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = CRM_JOBS;
  /** Before the client record (90), whose deletion would cascade the jobs away uncounted; after their visits (15). */
  readonly erasureOrder = 20;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly service: JobsService,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['client'],
      description: 'Jobs done for you: what the work was, where it took place, its state and dates.',
      fields: [
        { name: 'title', description: 'What the job is', encrypted: true },
        { name: 'siteAddress', description: 'Where the work takes place', encrypted: true },
        { name: 'description', description: 'Details of the work', encrypted: true },
        { name: 'status', description: 'Where the job stands (new, scheduled, completed...)', encrypted: false },
        { name: 'dates', description: 'Due date and completion time', encrypted: false },
      ],
      purposes: ['Carry out the work the client asked for on behalf of the organization'],
      lawfulBasis: 'contract',
      retention: whileSubscribed(this.settings),
      processors: CRM_PROCESSORS,
    };
  }

  locate(subject: DataSubject): Promise<number> {
    return subject.kind === 'client'
      ? this.jobs.countForClient(subject.organizationId, subject.id)
      : Promise.resolve(0);
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    if (subject.kind !== 'client') return;
    const views = await this.service.toViews(await this.jobs.listForClient(subject.organizationId, subject.id));
    // Staff ids, branches and versions are the organization's internals, not data about the client.
    for (const { id, clientId, assignedUserIds, branchId, version, ...job } of views) yield job;
  }

  /**
   * Deletes the jobs, a batch per step (their visits go with them by cascade). The fields
   * were sealed under the client's key, which the pipeline destroys last, so copies in
   * backups are unreadable too. Nothing of a job is kept by law, in either mode.
   */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    if (subject.kind !== 'client') return { mode: 'delete', affected: 0, more: false };
    const affected = await this.jobs.deleteForClient(subject.organizationId, subject.id, limit, tx);
    return { mode: 'delete', affected, more: affected === limit };
  }

  /**
   * Restriction is recorded once, on the client (clients.restricted_at, set by the clients
   * provider); JobsService refuses every write to a restricted client's jobs, so there is
   * nothing to mark here.
   */
  async restrict(): Promise<void> {}
}
