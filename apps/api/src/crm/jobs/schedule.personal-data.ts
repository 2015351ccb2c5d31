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
import { CRM_SCHEDULES } from '../crm.types.js';
import { CRM_PROCESSORS } from '../crm-retention.js';
import { ScheduleRepository } from './schedule.repository.js';
import { ScheduleService } from './schedule.service.js';

/**
 * Calendar entries: appointments and visits with a client (subject kind `client`), and the
 * calendar of a staff member (subject kind `user`).
 */
@Injectable()
export class SchedulesPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = CRM_SCHEDULES;
  /** First of the CRM: before jobs (20), whose deletion would cascade visits away uncounted. */
  readonly erasureOrder = 15;

  constructor(
    private readonly entries: ScheduleRepository,
    private readonly service: ScheduleService,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['client', 'user'],
      description:
        'Appointments and job visits: when and with whom they take place, their subject and notes; for staff, their calendar.',
      fields: [
        { name: 'title', description: 'What the appointment is about', encrypted: true },
        { name: 'notes', description: 'Notes about the appointment', encrypted: true },
        { name: 'startsAt', description: 'Start time', encrypted: false },
        { name: 'endsAt', description: 'End time', encrypted: false },
        { name: 'assignee', description: 'The staff member whose calendar it is in', encrypted: false },
      ],
      purposes: ['Plan appointments and field visits', 'Avoid booking one person twice'],
      lawfulBasis: 'contract',
      retention: {
        setting: 'retention.scheduleHistoryDays',
        description:
          `Visits of a job as long as the job; other appointments ${this.settings.retention.scheduleHistoryDays} days ` +
          'after they ended; or until erased on request',
      },
      processors: CRM_PROCESSORS,
    };
  }

  locate(subject: DataSubject): Promise<number> {
    if (subject.kind === 'client') return this.entries.countForClient(subject.organizationId, subject.id);
    if (subject.kind === 'user') return this.entries.countForAssignee(subject.organizationId, subject.id);
    return Promise.resolve(0);
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    if (subject.kind === 'client') {
      const entries = await this.entries.listForClient(subject.organizationId, subject.id);
      for (const entry of await this.service.toViews(entries)) {
        yield {
          kind: entry.kind,
          status: entry.status,
          startsAt: entry.startsAt,
          endsAt: entry.endsAt,
          title: entry.title,
          notes: entry.notes,
        };
      }
    } else if (subject.kind === 'user') {
      const entries = await this.entries.listForAssignee(subject.organizationId, subject.id);
      // A staff member gets when they were booked; the title and notes of a client visit are
      // the client's data (sealed under the client's key), so only their own appointments carry them.
      const internal = await this.service.toViews(entries.filter((entry) => entry.clientId === null));
      const texts = new Map(internal.map((entry) => [entry.id, entry]));
      for (const entry of entries) {
        const own = texts.get(entry.id);
        yield {
          kind: entry.kind,
          status: entry.status,
          startsAt: entry.startsAt,
          endsAt: entry.endsAt,
          withClient: entry.clientId !== null,
          ...(own ? { title: own.title, notes: own.notes } : {}),
        };
      }
    }
  }

  /**
   * A client: every entry about them is deleted.
   *
   * A staff member: their internal appointments (no client; sealed under their own key) are
   * deleted. Their visits to clients are kept: they are the organization's record of the
   * service given to that client (and hang off jobs and invoices), and they hold nothing about
   * the staff member but an opaque assignee id, which identity's erasure turns into the id of
   * a person who no longer exists. Hence the receipt says `deidentify` when such visits remain,
   * and `affected` counts both the deleted and the kept entries.
   */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    const { organizationId, id } = subject;
    if (subject.kind === 'client') {
      const affected = await this.entries.deleteForClient(organizationId, id, limit, tx);
      return { mode: 'delete', affected, more: affected === limit };
    }
    if (subject.kind !== 'user') return { mode: 'delete', affected: 0, more: false };
    const deleted = await this.entries.deleteInternalForAssignee(organizationId, id, limit, tx);
    if (deleted === limit) return { mode: 'delete', affected: deleted, more: true };
    const kept = await this.entries.countClientVisitsForAssignee(organizationId, id, tx);
    return { mode: kept > 0 ? 'deidentify' : 'delete', affected: deleted + kept, more: false };
  }

  /**
   * A client's restriction lives on the client (clients.restricted_at), and ScheduleService
   * refuses every write to their entries. A staff member's calendar keeps working: it is how
   * their employment contract is carried out; identity handles restricting the account itself.
   */
  async restrict(): Promise<void> {}
}
