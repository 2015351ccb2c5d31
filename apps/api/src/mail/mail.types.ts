/** A file sent with a message; its bytes travel (and wait in the outbox) sealed with the rest of the message. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** The bytes, base64-encoded (the outbox stores the message as sealed JSON). */
  contentBase64: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/**
 * What became of a message when `MailService.send` returned: `sent` (the mail server took it,
 * or, without SMTP, it was written to the outbox folder), `queued` (the server could not be
 * reached or answered "try later": it is retried until MAIL_RETRY_HOURS), or `failed` (the
 * server refused it for good; it is not retried).
 */
export const MAIL_DELIVERIES = ['sent', 'queued', 'failed'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/** Minutes between attempts of a queued message: 1, 2, 5, 10, 30, then hourly until the bound. */
export const MAIL_RETRY_SCHEDULE_MINUTES = [1, 2, 5, 10, 30, 60] as const;

/** The delay before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
  const schedule = MAIL_RETRY_SCHEDULE_MINUTES;
  return schedule[Math.min(Math.max(attempts, 1), schedule.length) - 1] * 60_000;
}
