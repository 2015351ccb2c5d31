import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends transactional email through SMTP (SMTP_URL). Without SMTP, each message is written
 * as an .eml file to DATA_DIR/outbox, so a local install can follow its links. Recipients
 * and bodies are never logged.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly outbox?: string;

  constructor(
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {
    if (settings.mail.smtpUrl) {
      this.transport = nodemailer.createTransport(settings.mail.smtpUrl);
    } else {
      this.outbox = resolve(settings.dataDir, 'outbox');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.settings.mail.from, ...mail });
    if (this.outbox) {
      mkdirSync(this.outbox, { recursive: true });
      const file = join(
        this.outbox,
        `${this.clock.now().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[<>@]/g, '')}.eml`,
      );
      writeFileSync(file, info.message as Buffer);
      this.logger.log(`Email written to the outbox: ${file}`);
    }
  }

  /** Absolute link into the SPA. */
  link(path: string, params: Record<string, string>): string {
    return `${this.settings.appUrl}${path}?${new URLSearchParams(params).toString()}`;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
