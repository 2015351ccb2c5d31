import { Injectable } from '@nestjs/common';
import { IsNull, LessThanOrEqual } from 'typeorm';
import { TransactionService } from '../database/transaction.service.js';
import { MailOutboxEntity } from './entities/mail-outbox.entity.js';

/** A message an attempt may send: claimed, so no other attempt sends it at the same time. */
export type ClaimedMail = Pick<MailOutboxEntity, 'id' | 'messageSealed' | 'attempts' | 'createdAt'>;

/** The mail outbox. Every change is one statement, so two replicas never both own a message. */
@Injectable()
export class MailOutboxRepository {
  constructor(private readonly transactions: TransactionService) {}

  private rows() {
    return this.transactions.managerOf().getRepository(MailOutboxEntity);
  }

  /** Stores a message as attempt 1, leased to the caller until `leaseUntil`. */
  async insert(values: { id: string; messageSealed: Buffer; createdAt: Date; leaseUntil: Date }): Promise<void> {
    await this.rows().insert({
      id: values.id,
      messageSealed: values.messageSealed,
      attempts: 1,
      createdAt: values.createdAt,
      nextAttemptAt: values.leaseUntil,
      lastAttemptAt: values.createdAt,
    });
  }

  /** Messages whose next attempt is due, oldest due first. */
  due(now: Date, limit: number): Promise<Array<Pick<MailOutboxEntity, 'id' | 'attempts'>>> {
    return this.rows().find({
      select: { id: true, attempts: true },
      where: { nextAttemptAt: LessThanOrEqual(now), sentAt: IsNull(), failedAt: IsNull() },
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Takes a due message for one attempt: counts the attempt and leases the message until
   * `leaseUntil` (an attempt that dies mid-way is retried once the lease runs out). Null when
   * it is not due, already sent or given up.
   */
  async claim(id: string, now: Date, leaseUntil: Date): Promise<ClaimedMail | null> {
    const [rows]: [ClaimedMail[], number] = await this.transactions.managerOf().query(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $3, last_attempt_at = $2
        WHERE id = $1 AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
        RETURNING id, message_sealed AS "messageSealed", attempts, created_at AS "createdAt"`,
      [id, now, leaseUntil],
    );
    return rows[0] ?? null;
  }

  /** Sent: the message itself goes at once. */
  async markSent(id: string, now: Date): Promise<void> {
    await this.rows().update({ id }, { sentAt: now, messageSealed: null, nextAttemptAt: null, lastError: null });
  }

  /** A failed attempt: due again at `nextAttemptAt`, or given up (and the message dropped) when null. */
  async recordFailure(id: string, now: Date, error: string, nextAttemptAt: Date | null): Promise<void> {
    await this.rows().update(
      { id },
      nextAttemptAt
        ? { nextAttemptAt, lastError: error }
        : { failedAt: now, messageSealed: null, nextAttemptAt: null, lastError: error },
    );
  }
}
