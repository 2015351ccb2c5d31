import { useEffect, useRef, useState } from 'react';
import * as CookieConsent from 'vanilla-cookieconsent';
import { type components, unwrap } from '#api-client';
import { api } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { subscribeLocaleSettings } from '../i18n/preferences';
import { consentConfig, consentLanguage } from './consent-config';
import { publishConsent } from './consent-store';
import 'vanilla-cookieconsent/dist/cookieconsent.css';
import './cookie-consent.css';

type Category = components['schemas']['CookieChoiceDto']['categories'][number];

/** Sends a choice to the API's consent log: under the user when signed in, by consent id only otherwise. */
async function logChoice(signedIn: boolean): Promise<void> {
  const { consentId, categories, revision } = CookieConsent.getCookie();
  const body = { consentId, categories: categories as Category[], revision };
  await (signedIn ? api.POST('/api/v1/me/cookie-consent', { body }) : api.POST('/api/v1/consent/cookies', { body }));
}

/**
 * Runs the consent manager once, with the categories and revision the API states, and logs
 * every choice server-side as proof. After a sign-in it reconciles this browser with the
 * user's latest choice: a current choice made on another device is applied here without
 * asking again; a choice made here before signing in is attached to the user.
 */
export function CookieConsentManager() {
  const { user } = useAuth();
  const signedIn = useRef(false);
  signedIn.current = Boolean(user);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const policy = await unwrap(api.GET('/api/v1/consent/cookies/policy')).catch(() => null);
      if (!policy || cancelled) return;
      const onChoice = () => {
        publishConsent();
        void logChoice(signedIn.current);
      };
      await CookieConsent.run(
        consentConfig(policy, { onConsent: publishConsent, onFirstConsent: onChoice, onChange: onChoice }),
      );
      publishConsent();
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // The banner and the settings follow the reader's language as it changes.
  useEffect(() => {
    if (!ready) return;
    void CookieConsent.setLanguage(consentLanguage());
    return subscribeLocaleSettings(() => void CookieConsent.setLanguage(consentLanguage()));
  }, [ready]);

  const userId = user?.id;
  useEffect(() => {
    if (!ready || !userId) return;
    void (async () => {
      const mine = await unwrap(api.GET('/api/v1/me/cookie-consent')).catch(() => null);
      if (!mine) return;
      const here = CookieConsent.validConsent() ? CookieConsent.getCookie() : null;
      const theirs = mine.choice?.current ? mine.choice : null;
      if (theirs && (!here || Date.parse(theirs.recordedAt) > Date.parse(here.lastConsentTimestamp))) {
        if (here && same(here.categories, theirs.categories)) return;
        // Their choice from another device: applied without asking (the change is logged for this browser).
        CookieConsent.acceptCategory(theirs.categories);
        CookieConsent.hide();
      } else if (
        here &&
        (!theirs || theirs.consentId !== here.consentId || !same(here.categories, theirs.categories))
      ) {
        await logChoice(true);
      }
    })();
  }, [ready, userId]);

  return null;
}

const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
