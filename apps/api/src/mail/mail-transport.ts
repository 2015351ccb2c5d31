import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import type { OutgoingMail } from './mail.types.js';

/** A failed send as the outbox records it: whether to try again, and a line free of addresses. */
export interface SendFailure {
  permanent: boolean;
  line: string;
}

const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/**
 * SMTP answers 5xx for "never" and 4xx for "later". Everything else (refused or dropped
 * connections, timeouts, DNS, authentication a operator can fix) is worth another try.
 */
export function describeFailure(error: unknown): SendFailure {
  const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
  // An SMTP reply may quote the recipient, so only its code is kept; other messages lose any address.
  const detail =
    typeof responseCode === 'number' ? `SMTP ${responseCode}` : (message ?? '').split('\n')[0].replace(ADDRESS, '…');
  return { permanent, line: [code ?? 'Error', detail].filter(Boolean).join(': ').slice(0, 200) };
}

/**
 * The wire: SMTP (SMTP_URL) with short timeouts, so a dead server costs a request seconds, not
 * minutes; or, without SMTP, .eml files in DATA_DIR/outbox that a local install can open.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('MailService');
  private readonly transport: Transporter;
  private readonly folder?: string;

  constructor(
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {
    const { smtpUrl, timeoutMs } = settings.mail;
    if (smtpUrl) {
      this.transport = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs * 2,
        dnsTimeout: timeoutMs,
      });
    } else {
      this.folder = resolve(settings.dataDir, 'outbox');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  /** True when mail goes to an SMTP server (and through the outbox table). */
  get smtp(): boolean {
    return this.folder === undefined;
  }

  /** Hands the message to the SMTP server, or writes it to the folder; throws what nodemailer throws. */
  async send(mail: OutgoingMail): Promise<void> {
    const { attachments, ...message } = mail;
    const info = await this.transport.sendMail({
      from: this.settings.mail.from,
      ...message,
      attachments: attachments?.map(({ filename, contentType, contentBase64 }) => ({
        filename,
        contentType,
        content: Buffer.from(contentBase64, 'base64'),
      })),
    });
    if (!this.folder) return;
    mkdirSync(this.folder, { recursive: true });
    const file = join(
      this.folder,
      `${this.clock.now().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[<>@]/g, '')}.eml`,
    );
    writeFileSync(file, info.message as Buffer);
    this.logger.log(`Email written to the outbox: ${file}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
