import { localeSettings } from './preferences.js';

/**
 * The one way the SPA writes dates, times, numbers and money: Intl in the reader's locale
 * and time zone (`preferences.ts`). Components that show these call `useFormat()` (or read
 * `useLocaleSettings()`) so they render again when the preferences change.
 */

/** What the API sends for an instant (ISO 8601 with a zone), or a Date or epoch milliseconds. */
export type Instant = string | number | Date;

const toDate = (value: Instant): Date => (value instanceof Date ? value : new Date(value));

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat in the reader's locale and zone, built once per locale, zone and options. */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { locale, timeZone } = localeSettings();
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** "5 Mar 2026" / "05.03.2026": the day of an instant, in the reader's zone. */
export const formatDate = (value: Instant): string => dateTimeFormat({ dateStyle: 'medium' }).format(toDate(value));

/** "14:30" / "2:30 PM": the time of an instant, in the reader's zone. */
export const formatTime = (value: Instant): string => dateTimeFormat({ timeStyle: 'short' }).format(toDate(value));

/** Day and time of an instant; with `seconds` where the second matters (the audit trail). */
export const formatDateTime = (value: Instant, { seconds = false }: { seconds?: boolean } = {}): string =>
  dateTimeFormat({ dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(toDate(value));

/** "Thu 5 Mar" and the like: a calendar column's heading; options add or replace parts. */
export const formatDay = (value: Instant, options: Intl.DateTimeFormatOptions = {}): string =>
  dateTimeFormat({ weekday: 'short', day: 'numeric', month: 'short', ...options }).format(toDate(value));

/** Two instants as one range ("2–8 Mar 2026"), each in the reader's zone. */
export const formatDateRange = (
  from: Instant,
  to: Instant,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
): string => dateTimeFormat(options).formatRange(toDate(from), toDate(to));

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date the API keeps without a time (`2026-04-01`: a due date, an issue date):
 * the same day in every zone, so it is written as it is and never moved by one.
 */
export function formatCalendarDate(
  value: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match.map(Number);
  const { locale } = localeSettings();
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "vor 3 Tagen", "now": how long ago (or ahead) an instant is. */
export function formatRelative(value: Instant, now: number = Date.now()): string {
  const seconds = (toDate(value).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(localeSettings().locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** 12345.6 → "12,345.6" / "12.345,6". */
export const formatNumber = (value: number, options: Intl.NumberFormatOptions = {}): string =>
  new Intl.NumberFormat(localeSettings().locale, options).format(value);

// Money: the API sends whole minor units (pence, cents).

const digitsCache = new Map<string, number>();

/** Decimals of a currency's minor unit: 2 for GBP, 0 for JPY, 3 for BHD. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not a currency code (yet): the form shows the API's message about it
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Minor units as exact decimal text: 1250 → "12.50", -5 → "-0.05", 700 JPY → "700". */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const whole = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${whole}` : whole;
}

/** 1250 GBP → "£12.50" / "12,50 £", in the reader's locale (or the one given). */
export function formatMoney(minor: number, currency: string, locale: string = localeSettings().locale): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return `${minorToDecimal(minor, currency)} ${currency}`;
  }
  // Decimal text keeps amounts beyond a float's exact range exact (Intl.NumberFormat v3).
  return format.format(minorToDecimal(minor, currency) as unknown as number);
}
