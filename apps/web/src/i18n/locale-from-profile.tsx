import { useLayoutEffect, useSyncExternalStore } from 'react';
import { useAuth } from '../auth/auth-context';
import { applyLocale } from './i18n';
import { chosenLanguage, subscribeChosenLanguage } from './language-choice';

/**
 * Applies the signed-in user's language and time zone (from the session's user, which the
 * profile page reloads after saving); before sign-in, or where the profile names none, the
 * language picked on the sign-in page or the browser's, and the browser's zone. Applied
 * before the browser paints, so a page never flashes in the other language.
 */
export function LocaleFromProfile() {
  const { user } = useAuth();
  const chosen = useSyncExternalStore(subscribeChosenLanguage, chosenLanguage, chosenLanguage);
  const language = user?.preferences.language ?? chosen;
  const timeZone = user?.preferences.timeZone ?? null;
  useLayoutEffect(() => {
    applyLocale({ language, timeZone });
  }, [language, timeZone]);
  return null;
}
