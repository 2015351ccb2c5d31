import { DAY_MS, isRunning, type OrganizationSubscription } from './subscription.types.js';

/** When an ended or terminated organization is purged: `days` after it ended; null while it runs. */
export const purgeDateOf = (organization: OrganizationSubscription, days: number): Date | null =>
  !isRunning(organization.subscriptionState) && organization.subscriptionEndedAt
    ? new Date(organization.subscriptionEndedAt.getTime() + days * DAY_MS)
    : null;

/** Whole days from `now` until `date`, rounded up (0 once it has passed). */
export const daysUntil = (date: Date, now: Date): number =>
  Math.max(0, Math.ceil((date.getTime() - now.getTime()) / DAY_MS));

/**
 * The reminders due at `now` for a date: those of `schedule` (days before) whose moment has
 * come while the date is still ahead. Sent at most once each (recorded), and only the
 * nearest one mailed when several fall due at once.
 */
export const dueReminders = (date: Date, now: Date, schedule: readonly number[]): number[] =>
  date.getTime() > now.getTime()
    ? schedule.filter((days) => now.getTime() >= date.getTime() - days * DAY_MS).sort((a, b) => a - b)
    : [];
