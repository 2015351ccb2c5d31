import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import { RetentionRules } from '../retention/retention-rules.service.js';
import { ActivityRepository } from './activity.repository.js';
import { CRM_INVOICES, CRM_SCHEDULES } from './crm.types.js';

/**
 * The CRM's retention rules (invoices after the legal period, calendar history) and what a
 * legal hold may name in it. Clients, contacts and the records hanging off them are otherwise
 * kept while the organization subscribes, and go with it (the subscriptions purge).
 */
@Injectable()
export class CrmRetention implements OnModuleInit {
  constructor(
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
    private readonly activity: ActivityRepository,
  ) {}

  onModuleInit(): void {
    const retention = this.settings.retention;
    this.rules.registerHoldTarget({ kind: 'client', scope: 'subject', table: 'clients' });
    this.rules.registerHoldTarget({ kind: 'contact', scope: 'subject', table: 'contacts' });
    this.rules.registerHoldTarget({
      kind: 'invoice',
      scope: 'record',
      table: 'invoices',
      subjects: { client: 'client_id' },
    });
    this.rules.registerHoldTarget({ kind: 'job', scope: 'record', table: 'jobs', subjects: { client: 'client_id' } });
    this.rules.registerHoldTarget({
      kind: 'communication',
      scope: 'record',
      table: 'communications',
      subjects: { client: 'client_id', contact: 'contact_id' },
    });
    this.rules.registerHoldTarget({
      kind: 'visit',
      scope: 'record',
      table: 'schedule_entries',
      subjects: { client: 'client_id', user: 'assignee_id' },
    });
    this.rules.registerTable({
      key: 'invoices',
      title: 'Invoices and their payments',
      category: CRM_INVOICES,
      table: 'invoices',
      setting: 'retention.invoiceYears',
      unit: 'years',
      from: 'from the invoice date (drafts: from when they were created)',
      settingValue: () => retention.invoiceYears,
      // Never below the legal period the platform keeps.
      adjustable: { min: retention.invoiceYears, max: 12 },
      startsAt: `COALESCE(CASE WHEN t.status IN ('issued', 'paid') THEN t.issue_date END, (t.created_at AT TIME ZONE 'UTC')::date)`,
      held: [
        { kind: 'invoice', column: 'id' },
        { kind: 'client', column: 'client_id' },
        { kind: 'job', column: 'job_id' },
      ],
      cascades: ['payments', 'crm_activity'],
      afterPurge: (tx, ids) => this.activity.deleteForRecords('invoice', ids, tx),
    });
    this.rules.registerTable({
      key: 'schedule-history',
      title: 'Calendar entries that belong to no job',
      category: CRM_SCHEDULES,
      table: 'schedule_entries',
      setting: 'retention.scheduleHistoryDays',
      unit: 'days',
      from: 'after they ended',
      settingValue: () => retention.scheduleHistoryDays,
      adjustable: { min: 30, max: 3650 },
      startsAt: 't.ends_at',
      where: 't.job_id IS NULL',
      held: [
        { kind: 'visit', column: 'id' },
        { kind: 'client', column: 'client_id' },
        { kind: 'user', column: 'assignee_id' },
      ],
    });
  }
}
