import { useSyncExternalStore } from 'react';
import * as format from './format';
import { type LocaleSettings, localeSettings, subscribeLocaleSettings } from './preferences';

/** The reader's language, locale and zone; the component renders again when they change. */
export const useLocaleSettings = (): LocaleSettings =>
  useSyncExternalStore(subscribeLocaleSettings, localeSettings, localeSettings);

/**
 * The formatting functions, for components: calling it subscribes the component to the
 * reader's locale and zone, so what it wrote follows a change of preferences at once.
 */
export function useFormat(): typeof format {
  useLocaleSettings();
  return format;
}
