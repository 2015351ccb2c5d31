/**
 * The reader's language, formatting locale and time zone: one store the whole SPA reads.
 * Signed in, they come from the user's profile preferences; before that (or where a
 * preference is not set), from the browser. Formatting (`format.ts`) and calendar
 * arithmetic (`pages/work/dates.ts`) read it; React components subscribe through
 * `useLocaleSettings()` so they render again when it changes.
 */

/** The languages a profile may choose (the API's `LANGUAGES`), in the order the profile page lists them. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages whose catalogue is complete; the others show English where they have no words yet. */
export const COMPLETE_LANGUAGES: readonly Language[] = ['en', 'de'];

/** Each language in its own words, as a switcher lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  nl: 'Nederlands',
};

export interface LocaleSettings {
  /** The language chosen (or detected): the catalogue to use, English where it has no words. */
  language: Language;
  /** The BCP 47 locale dates and numbers are written in: the language, with the browser's region when it has one for it. */
  locale: string;
  /** The IANA time zone every date and time is shown in, and every calendar day is counted in. */
  timeZone: string;
}

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The browser's languages, best first (none where there is no navigator, as in unit tests' Node). */
function browserLanguages(): readonly string[] {
  const { navigator } = globalThis as { navigator?: { language?: string; languages?: readonly string[] } };
  if (navigator?.languages?.length) return navigator.languages;
  return navigator?.language ? [navigator.language] : [];
}

/** The first of the browser's languages the SPA knows, English otherwise. */
export function browserLanguage(): Language {
  for (const tag of browserLanguages()) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The browser's own time zone (the machine's), used until a profile names one. */
export const browserTimeZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `de` with a browser set to de-AT writes dates the Austrian way; with an English browser, as `de`. */
export function localeFor(language: Language): string {
  const regional = browserLanguages().find((tag) => tag.toLowerCase().startsWith(`${language}-`));
  try {
    return regional ? Intl.getCanonicalLocales(regional)[0] : language;
  } catch {
    return language;
  }
}

/** A zone Intl knows, or null (a profile could hold a zone this browser's tables lack). */
export function validTimeZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

let settings: LocaleSettings = {
  language: browserLanguage(),
  locale: localeFor(browserLanguage()),
  timeZone: browserTimeZone(),
};
const listeners = new Set<() => void>();

export const localeSettings = (): LocaleSettings => settings;

export const subscribeLocaleSettings = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * Sets what dates, numbers and words follow. A missing or unknown language falls back to
 * the browser's; a missing or unknown zone to the browser's.
 */
export function setLocaleSettings(next: { language?: string | null; timeZone?: string | null }): LocaleSettings {
  const language = isLanguage(next.language) ? next.language : browserLanguage();
  const timeZone = validTimeZone(next.timeZone) ?? browserTimeZone();
  const locale = localeFor(language);
  if (language !== settings.language || timeZone !== settings.timeZone || locale !== settings.locale) {
    settings = { language, locale, timeZone };
    for (const listener of listeners) listener();
  }
  return settings;
}
