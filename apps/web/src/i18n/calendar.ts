import { TZDate, tz } from '@date-fns/tz';
import { addDays as addDaysIn, isSameDay, startOfDay as startOfDayIn, startOfWeek as startOfWeekIn } from 'date-fns';
import { localeSettings } from './preferences.js';

/**
 * Calendar arithmetic in the reader's time zone (their profile's, else the browser's), never
 * the machine's: "today", a day's midnight, a week starting on Monday, the wall-clock time a
 * datetime-local input holds. A day is the zone's day, so daylight-saving days have 23 or 25
 * hours. Functions take and return plain Dates (instants); what goes to the API is always an
 * instant with its zone (toISOString, `Z`). date-fns does the arithmetic inside the zone
 * (`{ in: tz(zone) }`).
 */

export const DAY_MS = 86_400_000;

const zoneName = () => localeSettings().timeZone;
const inZone = () => ({ in: tz(zoneName()) });
const instant = (date: Date): Date => new Date(date.getTime());
const pad = (value: number) => String(value).padStart(2, '0');

/** The wall clock of an instant in the reader's zone. */
export function wallClock(date: Date): { year: number; month: number; day: number; hours: number; minutes: number } {
  const zoned = new TZDate(date.getTime(), zoneName());
  return {
    year: zoned.getFullYear(),
    month: zoned.getMonth() + 1,
    day: zoned.getDate(),
    hours: zoned.getHours(),
    minutes: zoned.getMinutes(),
  };
}

/** Midnight that starts the reader's day holding `date`. */
export const startOfDay = (date: Date): Date => instant(startOfDayIn(date, inZone()));

/** Calendar days later in the reader's zone, keeping the wall-clock time across a clock change. */
export const addDays = (date: Date, days: number): Date => instant(addDaysIn(date, days, inZone()));

/** Monday midnight of the reader's week holding `date`. */
export const startOfWeek = (date: Date): Date => instant(startOfWeekIn(date, { weekStartsOn: 1, ...inZone() }));

/** Whether two instants fall on the same day of the reader's calendar. */
export const sameDay = (a: Date, b: Date): boolean => isSameDay(a, b, inZone());

/** The instant the reader's clock shows `hours:minutes` on the day holding `day`. */
export function atTime(day: Date, hours: number, minutes = 0): Date {
  const { year, month, day: date } = wallClock(day);
  return instant(new TZDate(year, month - 1, date, hours, minutes, zoneName()));
}

/** YYYY-MM-DD of the reader's day (what a date input and the API's calendar dates hold). */
export function isoDate(date: Date): string {
  const { year, month, day } = wallClock(date);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Today in the reader's zone, as YYYY-MM-DD. */
export const todayIso = (now: Date = new Date()): string => isoDate(now);

/** A YYYY-MM-DD day as the instant it starts in the reader's zone. */
export function fromIsoDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return instant(new TZDate(year, month - 1, day, zoneName()));
}

/** The value of a datetime-local input: the reader's wall clock, YYYY-MM-DDTHH:mm. */
export function toLocalInput(date: Date): string {
  const { hours, minutes } = wallClock(date);
  return `${isoDate(date)}T${pad(hours)}:${pad(minutes)}`;
}

/** A datetime-local value, read on the reader's wall clock, as an instant; null when incomplete. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number);
  return instant(new TZDate(year, month - 1, day, hours, minutes, zoneName()));
}

/** Minutes since the reader's midnight (a calendar grid's vertical position). */
export function minutesOfDay(date: Date): number {
  const { hours, minutes } = wallClock(date);
  return hours * 60 + minutes;
}
