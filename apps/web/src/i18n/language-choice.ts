import { consentGiven, subscribeConsent } from '../consent/consent-store';
import { isLanguage, type Language } from './preferences';

/**
 * The language someone picks before signing in (the switcher on the sign-in page). Like the
 * colour scheme, it reaches localStorage only with the "preference" cookie consent, and
 * lives in memory for this page otherwise; withdrawing the consent removes it
 * (docs/cookies.md). Once signed in, the profile's language wins.
 */
export const LANGUAGE_KEY = 'steward-language';

let inMemory: Language | null = null;
const listeners = new Set<() => void>();

function stored(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

subscribeConsent(() => {
  try {
    if (!consentGiven('preference')) localStorage.removeItem(LANGUAGE_KEY);
    else if (inMemory) localStorage.setItem(LANGUAGE_KEY, inMemory);
  } catch {
    // Storage refused (private mode): the choice stays in memory.
  }
  for (const listener of listeners) listener();
});

/** The language picked before signing in, or null for the browser's. */
export const chosenLanguage = (): Language | null => inMemory ?? (consentGiven('preference') ? stored() : null);

export function chooseLanguage(language: Language): void {
  inMemory = language;
  try {
    if (consentGiven('preference')) localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // as above
  }
  for (const listener of listeners) listener();
}

export const subscribeChosenLanguage = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
