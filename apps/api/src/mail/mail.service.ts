import { Injectable } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import type { MailDelivery, OutgoingMail } from './mail.types.js';
import { MailOutbox } from './mail-outbox.js';
import { MailTransport } from './mail-transport.js';

export { MAIL_DELIVERIES, type MailAttachment, type MailDelivery, type OutgoingMail } from './mail.types.js';

/**
 * Sends transactional email. With SMTP (SMTP_URL) every message goes through the sealed
 * outbox: sent now when the server answers, queued and retried when it does not. Without
 * SMTP, each message is written as an .eml file to DATA_DIR/outbox, so a local install can
 * follow its links. Recipients and bodies are never logged.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly settings: AppSettings,
    private readonly transport: MailTransport,
    private readonly outbox: MailOutbox,
  ) {}

  /** Sent, queued for a retry, or refused for good: callers that answer about the mail say which. */
  async send(mail: OutgoingMail): Promise<MailDelivery> {
    if (!this.transport.smtp) {
      await this.transport.send(mail);
      return 'sent';
    }
    return this.outbox.send(mail);
  }

  /** Absolute link into the SPA. */
  link(path: string, params: Record<string, string>): string {
    return `${this.settings.appUrl}${path}?${new URLSearchParams(params).toString()}`;
  }
}
