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
import { USER_SESSIONS } from './entities/session.entity.js';
import { SessionsRepository } from './sessions.repository.js';

/** Sign-in sessions: device, IP address and times (the policies' technical data). */
@Injectable()
export class SessionsPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = USER_SESSIONS;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description: 'The devices you are signed in on: browser, IP address, sign-in and last-seen times.',
      fields: [
        { name: 'userAgent', description: 'Browser and operating system', encrypted: false },
        { name: 'ip', description: 'IP address at sign-in', encrypted: false },
        { name: 'createdAt', description: 'Sign-in time', encrypted: false },
        { name: 'lastSeenAt', description: 'Last use', encrypted: false },
        {
          name: 'failedSignIns',
          description:
            'Count of recent failed sign-ins, keyed by a keyed hash of the email or IP; forgotten after a day',
          encrypted: false,
        },
      ],
      purposes: ['Keep you signed in', 'Detect abuse and secure accounts'],
      lawfulBasis: 'legitimate-interests',
      retention: {
        setting: 'retention.endedSessionDays',
        description: `While signed in, then ${this.settings.retention.endedSessionDays} days after the session ends`,
      },
      processors: ['Cloud infrastructure (hosting and storage)'],
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    return (await this.sessions.listForUser(subject.organizationId, subject.id)).length;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    for (const session of await this.sessions.listForUser(subject.organizationId, subject.id)) {
      yield {
        userAgent: session.userAgent,
        ip: session.ip,
        persistent: session.persistent,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        endedAt: session.revokedAt ?? session.rotatedAt,
      };
    }
  }

  /** Sessions are technical data nothing obliges us to keep: deleted in either mode. */
  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    const affected = await this.sessions.deleteForUser(subject.organizationId, subject.id, limit, tx);
    return { mode: 'delete', affected, more: affected === limit };
  }

  /** Restricting processing of an account's sessions ends them: nothing processes them further. */
  async restrict(subject: DataSubject, on: boolean, tx?: Transaction): Promise<void> {
    if (on) await this.sessions.revokeForUser(subject.organizationId, subject.id, tx);
  }
}
