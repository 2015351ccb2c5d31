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
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import { PrivacyRequestsRepository } from './privacy-requests.repository.js';
import { PRIVACY_REQUESTS } from './privacy-requests.types.js';

/**
 * The data-subject requests a person made. Found through the people the officer confirmed as
 * the requester (and the user who filed from the privacy center). Erasure de-identifies: the
 * requester's details and free text go, the request's type, dates and history stay as proof
 * that it was answered (Art. 5(2), 17(3)(e) GDPR), until the retention period ends.
 */
@Injectable()
export class PrivacyRequestsPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = PRIVACY_REQUESTS;
  /** After the person's own records: the request that asked for the erasure is the last to lose its details. */
  readonly erasureOrder = 95;

  constructor(
    private readonly requests: PrivacyRequestsRepository,
    private readonly cipher: PrivacyRequestCipher,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user', 'contact'],
      description:
        'Your privacy requests: what you asked for, how to reach you about it, how your identity was checked, ' +
        'and each step of the answer.',
      fields: [
        { name: 'type', description: 'The right exercised', encrypted: false },
        { name: 'requesterEmail', description: 'Email the request came from', encrypted: true },
        { name: 'requesterName', description: 'Name given with the request', encrypted: true },
        { name: 'message', description: 'What you wrote with the request', encrypted: true },
        { name: 'identityCheck', description: 'How your identity was checked', encrypted: true },
        { name: 'history', description: 'Dates and steps of the answer', encrypted: false },
      ],
      purposes: ['Answer data-subject requests and prove they were answered (GDPR Art. 12, 5(2))'],
      lawfulBasis: 'legal-obligation',
      retention: {
        setting: 'retention.privacyRequestDays',
        description: `${this.settings.retention.privacyRequestDays} days after the request is closed; unverified requests from the public form are deleted after ${this.settings.privacy.unverifiedRequestHours} hours`,
      },
      processors: ['Cloud infrastructure (hosting and storage)', 'Email delivery'],
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    if (subject.kind === 'client') return 0;
    return (await this.requests.ofSubject(subject.organizationId, { kind: subject.kind, id: subject.id })).length;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    if (subject.kind === 'client') return;
    const rows = await this.requests.ofSubject(subject.organizationId, { kind: subject.kind, id: subject.id });
    const keys = await this.cipher.keysFor(rows);
    for (const row of rows) {
      yield {
        type: row.type,
        status: row.status,
        channel: row.channel,
        requesterEmail: this.cipher.open(keys, row.id, 'email', row.requesterEmailEnc),
        requesterName: this.cipher.open(keys, row.id, 'name', row.requesterNameEnc),
        message: this.cipher.open(keys, row.id, 'message', row.messageEnc),
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        closedAt: row.closedAt,
      };
    }
  }

  async erase(
    subject: DataSubject,
    _mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    if (subject.kind === 'client') return { mode: 'deidentify', affected: 0, more: false };
    const rows = await this.requests.ofSubject(
      subject.organizationId,
      { kind: subject.kind, id: subject.id },
      limit,
      tx,
    );
    const affected = await this.requests.deidentify(
      subject.organizationId,
      rows.map((row) => row.id),
      tx,
    );
    return {
      mode: 'deidentify',
      affected,
      more: false,
      retained: affected
        ? { records: affected, reason: 'Kept without your details as proof your requests were answered' }
        : undefined,
    };
  }

  /** Requests are how a person exercises rights; restriction never pauses answering them. */
  async restrict(_subject: DataSubject, _on: boolean): Promise<void> {}
}
