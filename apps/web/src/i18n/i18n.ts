import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './locales/de.json';
import en from './locales/en.json';
import { LANGUAGES, type Language, localeSettings, setLocaleSettings, subscribeLocaleSettings } from './preferences';

/**
 * The SPA's words, by i18next. English (`locales/en.json`) is the source; every other
 * language has a catalogue of the same keys (`locales/<language>.json`, a test checks that
 * a complete one lacks none) and shows English where it has no words yet. Catalogues are
 * bundled, not fetched: they are small, and the CSP allows no inline or evaluated code,
 * which i18next does not need.
 */
export const resources = { en: { translation: en }, de: { translation: de } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: localeSettings().language,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // Resources are in the bundle: ready before the first render.
  initAsync: false,
  returnEmptyString: false,
});

// `{{kind, lowercase}}`: English writes "Edit call" where German keeps its noun's capital.
i18n.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) =>
  typeof value === 'string' ? value.toLocaleLowerCase(lng) : String(value),
);

/** Keeps i18next and `<html lang>` with the store: one place decides the language. */
function follow() {
  const { language } = localeSettings();
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
follow();
subscribeLocaleSettings(follow);

/** Sets language and time zone (missing ones from the browser); i18next and every subscriber follow. */
export const applyLocale = (next: { language?: string | null; timeZone?: string | null }) => setLocaleSettings(next);

/**
 * Words for a code the API sends (a role, a status) from `prefix.code` in the catalogue, or
 * `fallback` for a code the catalogue does not know yet. Dots in the code become `_`.
 */
export function translateOr(key: string, fallback: string): string {
  const flat = key.replace(
    /^([^.]+\.[^.]+)\.(.+)$/,
    (_, prefix: string, code: string) => `${prefix}.${code.replaceAll('.', '_')}`,
  );
  return i18n.exists(flat) ? (i18n.t as (key: string) => string)(flat) : fallback;
}

export type { Language };
export { i18n };
