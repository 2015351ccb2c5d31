import { INQUIRY_BUSINESS_DAYS, MAX_EXTENSION_MONTHS, type RequestType } from './privacy-requests.types.js';

const DAY_MS = 86_400_000;

/** `days` business days after `from` (Saturdays and Sundays skipped, UTC), at the same time of day. */
export function addBusinessDays(from: Date, days: number): Date {
  const due = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    due.setTime(due.getTime() + DAY_MS);
    const weekday = due.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return due;
}

/** `months` calendar months after `from` (UTC), clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/**
 * When a request is due: general inquiries within two business days, every right within the
 * response period from receipt (`PRIVACY_RESPONSE_DAYS`, 30 by default).
 */
export function dueDateOf(type: RequestType, receivedAt: Date, responseDays: number): Date {
  return type === 'inquiry'
    ? addBusinessDays(receivedAt, INQUIRY_BUSINESS_DAYS)
    : new Date(receivedAt.getTime() + responseDays * DAY_MS);
}

/** The one extension (Art. 12(3) GDPR): 1 or 2 further months on the current deadline. */
export function extendedDueDate(dueAt: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) {
    throw new RangeError(`An extension is 1 to ${MAX_EXTENSION_MONTHS} months`);
  }
  return addMonths(dueAt, months);
}

/** Whole days left until the deadline (negative once overdue), by the given clock. */
export function daysLeft(dueAt: Date, now: Date): number {
  const ms = dueAt.getTime() - now.getTime();
  return ms >= 0 ? Math.ceil(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}
