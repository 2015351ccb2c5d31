/**
 * Calendar dates as 'YYYY-MM-DD' strings, the way PostgreSQL `date` columns come back.
 * Days are counted in UTC: an invoice date is a day, not an instant.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the calendar written as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export const calendarDateOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The calendar day (UTC) of `now`, which comes from the injected Clock. */
export const today = (now: Date): string => calendarDateOf(now);

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return calendarDateOf(at);
}

/** The same day `years` earlier (29 February falls back to 28 February). */
export function subtractYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year - years, month - 1, 1));
  const lastDay = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return calendarDateOf(target);
}
