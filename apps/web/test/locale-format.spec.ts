import {
  addDays,
  atTime,
  fromIsoDate,
  fromLocalInput,
  isoDate,
  minutesOfDay,
  sameDay,
  startOfDay,
  startOfWeek,
  todayIso,
  toLocalInput,
} from '../src/i18n/calendar.js';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatRelative,
  formatTime,
} from '../src/i18n/format.js';
import { localeSettings, setLocaleSettings } from '../src/i18n/preferences.js';

// The machine (and so the browser) sits in Los Angeles; the reader's profile says Auckland,
// twenty-one hours ahead in March. Everything below must follow the profile.
const machineZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = machineZone;
  setLocaleSettings({});
});

/** Thursday 5 March 2026, 20:00 UTC: 12:00 in Los Angeles, Friday 6 March 09:00 in Auckland. */
const INSTANT = new Date('2026-03-05T20:00:00Z');
const iso = (date: Date) => date.toISOString();

describe('calendar arithmetic in the reader’s time zone', () => {
  it('should count the day and the week in the profile’s zone, not the machine’s', () => {
    expect(new Date(INSTANT).getDate()).toBe(5); // the machine's day
    setLocaleSettings({ language: 'en', timeZone: 'Pacific/Auckland' });
    expect(localeSettings().timeZone).toBe('Pacific/Auckland');
    expect(isoDate(INSTANT)).toBe('2026-03-06');
    expect(todayIso(INSTANT)).toBe('2026-03-06');
    expect(iso(startOfDay(INSTANT))).toBe('2026-03-05T11:00:00.000Z');
    // Friday in Auckland: its week began on Monday 2 March, at Auckland's midnight.
    expect(iso(startOfWeek(INSTANT))).toBe('2026-03-01T11:00:00.000Z');
    expect(sameDay(INSTANT, new Date('2026-03-06T10:59:00Z'))).toBe(true);
    expect(sameDay(INSTANT, new Date('2026-03-06T11:00:00Z'))).toBe(false);
    expect(minutesOfDay(INSTANT)).toBe(9 * 60);
    expect(iso(atTime(INSTANT, 14, 30))).toBe('2026-03-06T01:30:00.000Z');

    setLocaleSettings({ language: 'en', timeZone: 'America/Los_Angeles' });
    expect(isoDate(INSTANT)).toBe('2026-03-05');
    expect(iso(startOfDay(INSTANT))).toBe('2026-03-05T08:00:00.000Z');
    expect(iso(startOfWeek(INSTANT))).toBe('2026-03-02T08:00:00.000Z');
  });

  it('should keep the wall clock across a change of the clocks (a day of 25 hours)', () => {
    setLocaleSettings({ language: 'en', timeZone: 'Pacific/Auckland' });
    // New Zealand daylight saving ends on Sunday 5 April 2026, 03:00 → 02:00.
    const saturday = fromIsoDate('2026-04-04');
    expect(iso(saturday)).toBe('2026-04-03T11:00:00.000Z');
    const sunday = addDays(saturday, 1);
    const monday = addDays(saturday, 2);
    expect(iso(sunday)).toBe('2026-04-04T11:00:00.000Z');
    expect(iso(monday)).toBe('2026-04-05T12:00:00.000Z');
    expect((monday.getTime() - sunday.getTime()) / 3_600_000).toBe(25);
    expect(isoDate(monday)).toBe('2026-04-06');
  });

  it('should read and write datetime-local values on the profile’s wall clock', () => {
    setLocaleSettings({ language: 'en', timeZone: 'Pacific/Auckland' });
    expect(toLocalInput(INSTANT)).toBe('2026-03-06T09:00');
    expect(iso(fromLocalInput('2026-03-06T09:30') as Date)).toBe('2026-03-05T20:30:00.000Z');
    expect(fromLocalInput('2026-03-06')).toBeNull();
  });
});

describe('formatting in the reader’s locale and zone', () => {
  it('should write an instant in German and in the profile’s zone', () => {
    setLocaleSettings({ language: 'de', timeZone: 'Pacific/Auckland' });
    expect(formatDate(INSTANT)).toBe('06.03.2026');
    expect(formatTime(INSTANT)).toBe('09:00');
    expect(formatDateTime(INSTANT)).toBe('06.03.2026, 09:00');
    expect(formatDateTime(INSTANT, { seconds: true })).toBe('06.03.2026, 09:00:00');

    setLocaleSettings({ language: 'en', timeZone: 'America/Los_Angeles' });
    expect(formatDateTime(INSTANT)).toMatch(/^Mar 5, 2026, 12:00\sPM$/);
  });

  it('should write a calendar date as that day in every zone', () => {
    setLocaleSettings({ language: 'de', timeZone: 'Pacific/Auckland' });
    expect(formatCalendarDate('2026-04-01')).toBe('01.04.2026');
    setLocaleSettings({ language: 'de', timeZone: 'Pacific/Honolulu' });
    expect(formatCalendarDate('2026-04-01')).toBe('01.04.2026');
  });

  it('should write numbers, money and how long ago in the reader’s language', () => {
    setLocaleSettings({ language: 'de', timeZone: 'Europe/Berlin' });
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatMoney(123456, 'EUR')).toBe('1.234,56\u00a0€');
    expect(formatMoney(700, 'JPY')).toBe('700\u00a0¥');
    expect(formatRelative(INSTANT.getTime() - 3 * 86_400_000, INSTANT.getTime())).toBe('vor 3 Tagen');
    expect(formatRelative(INSTANT, INSTANT.getTime())).toBe('jetzt');

    setLocaleSettings({ language: 'en', timeZone: 'Europe/London' });
    expect(formatMoney(123456, 'GBP')).toBe('£1,234.56');
    expect(formatRelative(INSTANT.getTime() - 86_400_000, INSTANT.getTime())).toBe('yesterday');
  });

  it('should fall back to the browser’s zone for a zone Intl does not know', () => {
    setLocaleSettings({ language: 'fr', timeZone: 'Mars/Olympus_Mons' });
    expect(localeSettings().language).toBe('fr');
    expect(localeSettings().timeZone).toBe(new Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
