/**
 * Why processing is restricted: the four grounds of GDPR Art. 18(1), as codes. A code, not
 * free text, so the audit trail can hold it without ever holding a person's words.
 */
export const RESTRICTION_REASONS = [
  /** (a) the person contests the accuracy of their data, while it is checked */
  'accuracy_contested',
  /** (b) processing is unlawful and the person asks for restriction instead of erasure */
  'unlawful_processing',
  /** (c) no longer needed by us, but the person needs it for legal claims */
  'legal_claims',
  /** (d) the person objected (Art. 21(1)), while the grounds are weighed */
  'objection_pending',
] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

/** Whose processing is restricted through the CRM's routes (accounts are restricted by identity). */
export type RestrictableKind = 'client' | 'contact';
