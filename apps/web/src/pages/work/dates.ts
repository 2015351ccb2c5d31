/**
 * Calendar arithmetic and date formatting for the work pages. Both live in `src/i18n/`
 * (calendar.ts, format.ts) and follow the reader's time zone and locale from their profile,
 * not the browser's; this module keeps the names the pages import.
 */
import { formatCalendarDate, formatDateTime as formatInstant, type Instant } from '../../i18n/format';

export {
  addDays,
  atTime,
  DAY_MS,
  fromIsoDate,
  fromLocalInput,
  isoDate,
  minutesOfDay,
  sameDay,
  startOfDay,
  startOfWeek,
  todayIso,
  toLocalInput,
} from '../../i18n/calendar';
export { formatDay, formatTime } from '../../i18n/format';

/** "2026-04-01" shown as the reader writes dates; an em dash for none. */
export const formatIsoDate = (value: string | null | undefined) => (value ? formatCalendarDate(value) : '—');

export const formatDateTime = (value: string | Date) => formatInstant(value as Instant);
