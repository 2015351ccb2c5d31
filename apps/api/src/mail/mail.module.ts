import { Module, type OnModuleInit } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import { KeyringModule } from '../keyring/keyring.module.js';
import { RetentionRules } from '../retention/retention-rules.service.js';
import { MailService } from './mail.service.js';
import { MailOutbox } from './mail-outbox.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';
import { MailRetryJob } from './mail-retry.job.js';
import { MailTransport } from './mail-transport.js';

/** Transactional email: the sealed outbox in front of SMTP, its retry job, the .eml folder without SMTP. */
@Module({
  imports: [KeyringModule],
  providers: [MailTransport, MailOutboxRepository, MailOutbox, MailRetryJob, MailService],
  exports: [MailService],
})
export class MailModule implements OnModuleInit {
  constructor(
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
  ) {}

  /** What stays of a sent or given-up message (times, attempts, an error line) goes after the log period. */
  onModuleInit(): void {
    this.rules.registerTable({
      key: 'mail-log',
      title: 'Sent and undeliverable emails (times, attempts and error codes; the emails themselves are gone)',
      category: 'mail.log',
      table: 'mail_outbox',
      organizationColumn: null,
      setting: 'mail.logRetentionDays',
      unit: 'days',
      from: 'after the email was sent or given up',
      settingValue: () => this.settings.mail.logRetentionDays,
      startsAt: 'COALESCE(t.sent_at, t.failed_at)',
      where: 't.sent_at IS NOT NULL OR t.failed_at IS NOT NULL',
    });
  }
}
