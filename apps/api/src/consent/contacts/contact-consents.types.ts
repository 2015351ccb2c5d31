/** The personal-data category of the ledger (what each contact agreed to, and when). */
export const CONSENT_CONTACT_PURPOSES = 'consent.contact-purposes';

/** Channels a purpose reaches a person through. */
export const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'post', 'any'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * What an entry records. `pending`: a double opt-in asked and not yet confirmed (no basis);
 * `confirmed`: the emailed link was followed (a basis). The latest entry wins.
 */
export const CONSENT_ACTIONS = ['granted', 'withdrawn', 'objected', 'pending', 'confirmed'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** Actions staff and integrators record; pending and confirmed come only from the double opt-in. */
export const RECORDABLE_ACTIONS = ['granted', 'withdrawn', 'objected'] as const satisfies readonly ConsentAction[];
export type RecordableAction = (typeof RECORDABLE_ACTIONS)[number];

/** The actions that give a valid basis when they are the latest entry. */
export const VALID_BASIS_ACTIONS = ['granted', 'confirmed'] as const satisfies readonly ConsentAction[];

export const CONSENT_LAWFUL_BASES = ['consent', 'legitimate-interests', 'contract', 'legal-obligation'] as const;
export type ConsentLawfulBasis = (typeof CONSENT_LAWFUL_BASES)[number];

export const CONSENT_SOURCES = ['form', 'import', 'phone', 'email', 'in-person', 'api', 'double-opt-in'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const RECORDER_KINDS = ['user', 'api_key', 'subject'] as const;
export type RecorderKind = (typeof RECORDER_KINDS)[number];

/** What every new organization starts with; the organization edits, archives or adds to them. */
export const DEFAULT_PURPOSES: ReadonlyArray<{
  key: string;
  name: string;
  channel: ConsentChannel;
  marketing: boolean;
  wording: string;
}> = [
  {
    key: 'marketing-email',
    name: 'Marketing email',
    channel: 'email',
    marketing: true,
    wording: 'I would like to receive news and offers by email. I can unsubscribe at any time.',
  },
  {
    key: 'marketing-sms',
    name: 'Marketing SMS',
    channel: 'sms',
    marketing: true,
    wording: 'I would like to receive offers by text message. I can reply STOP at any time.',
  },
  {
    key: 'marketing-phone',
    name: 'Marketing calls',
    channel: 'phone',
    marketing: true,
    wording: 'You may call me about offers and services. I can ask you to stop at any time.',
  },
  {
    key: 'profiling',
    name: 'Profiling',
    channel: 'any',
    marketing: false,
    wording:
      'You may analyse my purchases and contacts with you to tailor the offers you send me. I can object at any time.',
  },
];

/** How long a double opt-in link works; unconfirmed pending entries go when it expires. */
export const OPT_IN_LINK_HOURS = 72;

/** A purpose key: lower-case words with dashes, as lists and exports name it. */
export const PURPOSE_KEY_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
