import { localStorageColorSchemeManager, type MantineColorScheme, type MantineColorSchemeManager } from '@mantine/core';
import { consentGiven, subscribeConsent } from './consent-store';

export const COLOR_SCHEME_KEY = 'steward-color-scheme';

/**
 * Mantine's colour-scheme manager, but the scheme reaches localStorage only with the
 * "preference" consent; without it the scheme lives in memory for this page (signed-in
 * people get theirs from their profile anyway). Withdrawing the consent removes the entry.
 */
export function consentAwareColorSchemeManager(): MantineColorSchemeManager {
  const stored = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });
  let inMemory: MantineColorScheme | undefined;
  subscribeConsent(() => {
    if (!consentGiven('preference')) stored.clear();
    else if (inMemory) stored.set(inMemory);
  });
  return {
    get: (defaultValue) =>
      consentGiven('preference') ? stored.get(inMemory ?? defaultValue) : (inMemory ?? defaultValue),
    set: (value) => {
      inMemory = value;
      if (consentGiven('preference')) stored.set(value);
    },
    subscribe: stored.subscribe,
    unsubscribe: stored.unsubscribe,
    clear: () => {
      inMemory = undefined;
      stored.clear();
    },
  };
}
