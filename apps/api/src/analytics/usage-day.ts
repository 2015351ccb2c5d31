export const DAY_MS = 86_400_000;

/** The UTC day of an instant, as YYYY-MM-DD (the `date` columns' form). */
export const utcDay = (instant: Date | number): string => new Date(instant).toISOString().slice(0, 10);

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export const addDays = (day: string, days: number): string => utcDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);

/** The day `months` calendar months before a day (day of month clamped by Date's rollover rules). */
export const monthsBefore = (day: string, months: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return utcDay(date);
};

/** Whole days from `from` to `to` (0 when equal). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
