import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * One email on its way out. The message (recipient, subject, body, attachments such as an
 * invoice's PDF) is sealed under the mail-outbox key while it waits, and dropped the moment
 * it is sent or given up: what stays is when, how many attempts, and the last error's first line.
 */
@Entity('mail_outbox')
@Index('IDX_mail_outbox_due', ['nextAttemptAt'], { where: 'next_attempt_at IS NOT NULL' })
export class MailOutboxEntity {
  @NotPersonal('surrogate key; the id the delivery job carries')
  @PrimaryColumn('uuid')
  id: string;

  /*
   * Holds a recipient and a body in transit, sealed (AES-256-GCM, platform key). Not a
   * registered category: it is tied to no subject id, and it lives only until sent or given up
   * (MAIL_RETRY_HOURS at most), then the column is set to NULL.
   */
  @NotPersonal('the message in transit, sealed, dropped once sent or given up')
  @Column({ name: 'message_sealed', type: 'bytea', nullable: true })
  messageSealed: Buffer | null;

  @NotPersonal('count of attempts made or started')
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @NotPersonal('technical timestamp')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @NotPersonal('technical timestamp: when the next attempt is due; null once settled')
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @NotPersonal('technical timestamp: given up (refused, or past MAIL_RETRY_HOURS)')
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @NotPersonal('error code and SMTP status of the last failure; addresses are cut out')
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError: string | null;
}
