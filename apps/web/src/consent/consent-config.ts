import type { CookieConsentConfig } from 'vanilla-cookieconsent';
import type { components } from '#api-client';

type CookiePolicy = components['schemas']['CookiePolicyResponseDto'];

/** The consent cookie itself: essential (it holds the choice), 182 days, then we ask again. */
export const CONSENT_COOKIE = 'steward_consent';

/**
 * vanilla-cookieconsent's configuration from the API's cookie policy: its categories (stated
 * once, on the server) and its revision, so a raised revision asks again. Opt-in: nothing
 * but the essential category before a choice; accept all, reject all and choose weigh the same.
 */
export function consentConfig(
  policy: CookiePolicy,
  callbacks: Pick<CookieConsentConfig, 'onConsent' | 'onFirstConsent' | 'onChange'>,
): CookieConsentConfig {
  return {
    mode: 'opt-in',
    revision: policy.revision,
    autoShow: true,
    // Browsers driven by tests report navigator.webdriver; they must see the banner as people do.
    hideFromBots: false,
    manageScriptTags: false,
    cookie: { name: CONSENT_COOKIE, expiresAfterDays: 182, sameSite: 'Lax' },
    guiOptions: {
      consentModal: { layout: 'box', position: 'bottom right', equalWeightButtons: true, flipButtons: false },
      preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
    },
    categories: Object.fromEntries(
      policy.categories.map((category) => [category.key, { enabled: category.required, readOnly: category.required }]),
    ),
    language: {
      default: 'en',
      translations: {
        en: {
          consentModal: {
            title: 'Cookies and tracking',
            description:
              'We use essential cookies to sign you in and keep your session safe. With your consent we would also ' +
              'remember your display preferences, count anonymized page views, and recognise this device for ' +
              'security. {{revisionMessage}}',
            revisionMessage: 'Our cookie policy has changed since you last chose: please choose again.',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            showPreferencesBtn: 'Choose',
          },
          preferencesModal: {
            title: 'Cookie settings',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            savePreferencesBtn: 'Save my choice',
            closeIconLabel: 'Close cookie settings',
            sections: [
              {
                description:
                  'Choose what this browser may store and send beyond what the service needs to work. You can change ' +
                  'this at any time with “Cookie settings” at the bottom of every page.',
              },
              ...policy.categories.map((category) => ({
                title: category.name,
                description: category.description,
                linkedCategory: category.key,
              })),
            ],
          },
        },
      },
    },
    ...callbacks,
  };
}
