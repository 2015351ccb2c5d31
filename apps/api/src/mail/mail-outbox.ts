import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { open, seal } from '#crypto';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { type MailDelivery, type OutgoingMail, retryDelayMs } from './mail.types.js';
import { type ClaimedMail, MailOutboxRepository } from './mail-outbox.repository.js';
import { describeFailure, MailTransport } from './mail-transport.js';

/** How long an attempt owns a message: longer than the slowest send the timeouts allow. */
const LEASE_MS = 5 * 60_000;

const aad = (id: string) => `mail_outbox.message:${id}`;

/**
 * The durable outbox in front of SMTP. A message is sealed and stored before the first
 * attempt, so a send that fails for a passing reason is not lost: it waits, sealed, for the
 * retry job. Sent or given up, its content is dropped at once.
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger('MailService');
  private readonly key: Buffer;

  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
    keyring: KeyringService,
  ) {
    this.key = keyring.deriveKey('mail-outbox');
  }

  /** Stores the message, then makes its first attempt now. */
  async send(mail: OutgoingMail): Promise<MailDelivery> {
    const id = randomUUID();
    const now = this.clock.now();
    const messageSealed = seal(this.key, Buffer.from(JSON.stringify(mail), 'utf8'), aad(id));
    await this.outbox.insert({ id, messageSealed, createdAt: now, leaseUntil: new Date(now.getTime() + LEASE_MS) });
    return this.attempt({ id, messageSealed, attempts: 1, createdAt: now }, mail);
  }

  /** A later attempt of a queued message (the retry job); false when it was no longer due. */
  async retry(id: string): Promise<MailDelivery | null> {
    const now = this.clock.now();
    const claimed = await this.outbox.claim(id, now, new Date(now.getTime() + LEASE_MS));
    if (!claimed?.messageSealed) return null;
    const mail = JSON.parse(open(this.key, claimed.messageSealed, aad(id)).toString('utf8')) as OutgoingMail;
    return this.attempt(claimed, mail);
  }

  private async attempt(row: ClaimedMail, mail: OutgoingMail): Promise<MailDelivery> {
    try {
      await this.transport.send(mail);
    } catch (error) {
      const failure = describeFailure(error);
      const now = this.clock.now();
      const bound = row.createdAt.getTime() + this.settings.mail.retryHours * 3_600_000;
      const next = new Date(now.getTime() + retryDelayMs(row.attempts));
      const giveUp = failure.permanent || next.getTime() > bound;
      await this.outbox.recordFailure(row.id, now, failure.line, giveUp ? null : next);
      // The id and the error line only: never the recipient or the content.
      this.logger.warn(
        giveUp
          ? `Email ${row.id} given up after ${row.attempts} attempt(s): ${failure.line}`
          : `Email ${row.id} queued (attempt ${row.attempts} failed: ${failure.line}); next at ${next.toISOString()}`,
      );
      return giveUp ? 'failed' : 'queued';
    }
    await this.outbox.markSent(row.id, this.clock.now());
    if (row.attempts > 1) this.logger.log(`Email ${row.id} sent at attempt ${row.attempts}`);
    return 'sent';
  }
}
