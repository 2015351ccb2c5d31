/**
 * The cookie and tracking categories, stated once: the SPA's consent manager, the consent
 * log and the cookie section of the platform policy all read this list.
 */
export const COOKIE_CATEGORIES = [
  {
    key: 'essential',
    name: 'Essential',
    required: true,
    description:
      'Sign-in, session integrity and CSRF protection. The service cannot work without them, so they are always on.',
  },
  {
    key: 'preference',
    name: 'Preferences',
    required: false,
    description: 'Remember your display settings on this device, such as the colour scheme.',
  },
  {
    key: 'analytics',
    name: 'Analytics',
    required: false,
    description:
      'Anonymized usage events (which pages and features are used) that help us decide what to improve. No identifiers, rolled up into daily counts.',
  },
  {
    key: 'security',
    name: 'Security',
    required: false,
    description: 'Recognise this device to spot unusual sign-ins and fraud beyond what sign-in itself needs.',
  },
] as const;

export type CookieCategory = (typeof COOKIE_CATEGORIES)[number]['key'];
export const COOKIE_CATEGORY_KEYS = COOKIE_CATEGORIES.map((category) => category.key) as CookieCategory[];
