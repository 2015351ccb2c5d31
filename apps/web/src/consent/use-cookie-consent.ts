import { useSyncExternalStore } from 'react';
import * as CookieConsent from 'vanilla-cookieconsent';
import { type ConsentSnapshot, consentSnapshot, subscribeConsent } from './consent-store';

export interface CookieConsentState extends ConsentSnapshot {
  /** Opens the preferences dialog ("Cookie settings"), where every choice can be changed. */
  openPreferences(): void;
}

const openPreferences = () => CookieConsent.showPreferences();

/** The accepted cookie categories, this browser's consent id, and a way to change the choice. */
export function useCookieConsent(): CookieConsentState {
  const snapshot = useSyncExternalStore(subscribeConsent, consentSnapshot);
  return { ...snapshot, openPreferences };
}
