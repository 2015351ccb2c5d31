import * as CookieConsent from 'vanilla-cookieconsent';

export interface ConsentSnapshot {
  /** Categories accepted by a choice valid for the current revision; empty before any choice. */
  accepted: readonly string[];
  /** The random id of this browser's consent cookie, the proof the API checks; null before a choice. */
  consentId: string | null;
}

let snapshot: ConsentSnapshot = { accepted: [], consentId: null };
const listeners = new Set<() => void>();

/** Reads the consent manager's state again and tells subscribers (React, the colour-scheme store). */
export function publishConsent(): void {
  const valid = CookieConsent.validConsent();
  const cookie = CookieConsent.getCookie();
  const accepted = valid ? [...cookie.categories] : [];
  const consentId = valid ? cookie.consentId : null;
  if (consentId === snapshot.consentId && accepted.join() === snapshot.accepted.join()) return;
  snapshot = { accepted, consentId };
  for (const listener of listeners) listener();
}

export const subscribeConsent = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const consentSnapshot = (): ConsentSnapshot => snapshot;

/** Whether a category may be used now: false until the person chose, and after they refused. */
export const consentGiven = (category: string): boolean => snapshot.accepted.includes(category);
