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
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AUDIT_TRAIL } from './audit.types.js';

const EXPORT_BATCH = 1000;

/**
 * A staff member in the audit trail: what they did, security events of their account, and
 * the address and browser they did it from. The trail is append-only and tamper-evident, so
 * entries are not erased on request: they are kept for the retention period (the security
 * and legal-claims exception) and then removed by the purge, like everyone's.
 */
@Injectable()
export class AuditPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = AUDIT_TRAIL;

  constructor(
    private readonly entries: AuditRepository,
    private readonly audit: AuditService,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description:
        'Security and audit log: sign-ins and failed attempts, MFA, password and email changes, API keys, ' +
        'changes you made and personal data you viewed or exported.',
      fields: [
        { name: 'action', description: 'What happened, and whether it succeeded', encrypted: false },
        {
          name: 'actor and target',
          description: 'Who did it and which record or account it concerned',
          encrypted: false,
        },
        { name: 'ip', description: 'IP address of the request', encrypted: false },
        { name: 'userAgent', description: 'Browser and operating system as reported', encrypted: false },
        { name: 'at', description: 'Time', encrypted: false },
      ],
      purposes: ['Detect abuse and secure accounts', 'Accountability and compliance (who did what, when)'],
      lawfulBasis: 'legitimate-interests',
      retention: {
        setting: 'audit.retentionDays',
        description: `${this.settings.audit.retentionDays} days, then purged; kept that long even after an erasure request (security and legal claims)`,
      },
      processors: ['Cloud infrastructure (hosting and storage)'],
    };
  }

  locate(subject: DataSubject): Promise<number> {
    return this.entries.countAboutPerson(subject.organizationId, subject.id);
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    let afterSeq = '0';
    for (;;) {
      const rows = await this.entries.aboutPerson(subject.organizationId, subject.id, afterSeq, EXPORT_BATCH);
      for (const { organizationId: _organization, ...row } of rows) yield row;
      if (rows.length < EXPORT_BATCH) return;
      afterSeq = rows[rows.length - 1].seq;
    }
  }

  async erase(subject: DataSubject, _mode: ErasureMode, { tx }: ErasureContext<Transaction>): Promise<ErasureStep> {
    return {
      mode: 'delete',
      affected: 0,
      more: false,
      retained: {
        records: await this.entries.countAboutPerson(subject.organizationId, subject.id, tx),
        reason: `Security log, kept ${this.settings.audit.retentionDays} days for security and legal claims, then purged`,
      },
    };
  }

  /** The trail is not processed for anything but security and accountability: nothing to switch off. */
  async restrict(): Promise<void> {}
}
