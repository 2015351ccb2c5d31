/**
 * Calendar arithmetic in the browser's own time zone: a week starts on Monday at local
 * midnight, and a day is the local day (so daylight-saving days have 23 or 25 hours).
 * What goes to the API is always an instant with its zone (toISOString, `Z`).
 */

export const DAY_MS = 86_400_000;

export function startOfDay(date: Date): Date {
  const copy = new Date(date);
  copy.setHours(0, 0, 0, 0);
  return copy;
}

/** Local calendar days later, keeping the wall-clock time across a clock change. */
export function addDays(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
}

export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

export const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

const pad = (value: number) => String(value).padStart(2, '0');

/** YYYY-MM-DD of the local day (what a date input and the API's calendar dates hold). */
export const isoDate = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export const todayIso = () => isoDate(new Date());

/** A local YYYY-MM-DD as a Date at local midnight. */
export function fromIsoDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** The value of a datetime-local input: local YYYY-MM-DDTHH:mm. */
export const toLocalInput = (date: Date) => `${isoDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** A datetime-local value as an instant, or null when incomplete. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number);
  return new Date(year, month - 1, day, hours, minutes);
}

export const minutesOfDay = (date: Date) => date.getHours() * 60 + date.getMinutes();

export const formatTime = (date: Date) => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export const formatDay = (date: Date, options: Intl.DateTimeFormatOptions = {}) =>
  date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', ...options });

/** "2026-04-01" shown as the reader writes dates; an em dash for none. */
export const formatIsoDate = (value: string | null | undefined) =>
  value ? fromIsoDate(value).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '—';

export const formatDateTime = (value: string | Date) =>
  new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
