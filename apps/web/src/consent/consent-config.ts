import type { CookieConsentConfig } from 'vanilla-cookieconsent';
import type { components } from '#api-client';
import { i18n } from '../i18n/i18n';
import { COMPLETE_LANGUAGES, type Language, localeSettings } from '../i18n/preferences';

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
      default: consentLanguage(),
      // Each complete catalogue's words; the category names and descriptions are the API's.
      translations: Object.fromEntries(COMPLETE_LANGUAGES.map((language) => [language, translation(language, policy)])),
    },
    ...callbacks,
  };
}

/** The banner's language: the reader's when its catalogue is complete, English otherwise. */
export const consentLanguage = (): Language => {
  const { language } = localeSettings();
  return COMPLETE_LANGUAGES.includes(language) ? language : 'en';
};

function translation(language: Language, policy: CookiePolicy) {
  const t = i18n.getFixedT(language);
  return {
    consentModal: {
      title: t('cookies.title'),
      // vanilla-cookieconsent fills {{revisionMessage}} itself.
      description: t('cookies.description', { revisionMessage: '{{revisionMessage}}' }),
      revisionMessage: t('cookies.revisionMessage'),
      acceptAllBtn: t('cookies.acceptAll'),
      acceptNecessaryBtn: t('cookies.rejectAll'),
      showPreferencesBtn: t('cookies.choose'),
    },
    preferencesModal: {
      title: t('cookies.settingsTitle'),
      acceptAllBtn: t('cookies.acceptAll'),
      acceptNecessaryBtn: t('cookies.rejectAll'),
      savePreferencesBtn: t('cookies.save'),
      closeIconLabel: t('cookies.close'),
      sections: [
        { description: t('cookies.settingsIntro') },
        ...policy.categories.map((category) => ({
          title: category.name,
          description: category.description,
          linkedCategory: category.key,
        })),
      ],
    },
  };
}
