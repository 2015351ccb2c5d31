/** The personal-data category of data-subject requests (who asked, what, and how it was answered). */
export const PRIVACY_REQUESTS = 'privacy.requests';

/**
 * The rights a request exercises. `minor`: a report that a child's data is held (handled as an
 * erasure); `withdrawal`: consent withdrawn (applied to the ledger); `inquiry`: a general
 * privacy question, answered within INQUIRY_BUSINESS_DAYS.
 */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdrawal',
  'minor',
  'inquiry',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = [
  'unverified',
  'received',
  'in_progress',
  'awaiting_requester',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** States in which the deadline runs and the officer still acts. */
export const OPEN_STATUSES = ['received', 'in_progress', 'awaiting_requester'] as const satisfies RequestStatus[];
export const CLOSED_STATUSES = ['completed', 'rejected', 'cancelled'] as const satisfies RequestStatus[];

/** How a request arrived: the public form, a signed-in user's privacy center, or logged by an officer. */
export const REQUEST_CHANNELS = ['form', 'privacy_center', 'email', 'phone', 'post', 'in_person'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const LOGGED_CHANNELS = ['email', 'phone', 'post', 'in_person'] as const satisfies RequestChannel[];

export const EVENT_TYPES = [
  'created',
  'verified',
  'assigned',
  'match_confirmed',
  'extended',
  'started',
  'awaiting_requester',
  'resumed',
  'completed',
  'rejected',
  'cancelled',
  'fulfilment',
  'correction_applied',
  'correction_kept',
] as const;
export type RequestEventType = (typeof EVENT_TYPES)[number];

export const EVENT_ACTOR_KINDS = ['user', 'api_key', 'requester', 'system'] as const;
export type EventActorKind = (typeof EVENT_ACTOR_KINDS)[number];

/** What fulfilment did or still waits for. */
export const FULFILMENTS = [
  'erasure_started',
  'erasure_scheduled',
  'consent_withdrawn',
  'export_pending',
  'export_started',
  'none',
] as const;
export type Fulfilment = (typeof FULFILMENTS)[number];

/** A person a request was matched to by the officer. */
export interface MatchedSubject {
  kind: 'user' | 'contact';
  id: string;
}

/** General inquiries are answered within two business days. */
export const INQUIRY_BUSINESS_DAYS = 2;
/** The one extension Art. 12(3) GDPR allows: at most two further months. */
export const MAX_EXTENSION_MONTHS = 2;

/**
 * Fields a rectification may propose: those the CRM's own updates accept for a contact
 * (`ContactUpdateDto`: fullName, email, phone, jobTitle) or a user's profile (fullName, phone,
 * jobTitle, company; a user's new email is confirmed by its owner through the profile).
 */
export const CORRECTION_FIELDS = ['fullName', 'email', 'phone', 'jobTitle', 'company'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export const CORRECTABLE: Record<MatchedSubject['kind'], readonly CorrectionField[]> = {
  contact: ['fullName', 'email', 'phone', 'jobTitle'],
  user: ['fullName', 'phone', 'jobTitle', 'company'],
};
export const MAX_CORRECTIONS = CORRECTION_FIELDS.length;

/** The officer's decision on one proposed correction (field names only: the values are sealed). */
export interface CorrectionState {
  field: CorrectionField;
  decision: 'proposed' | 'applied' | 'kept';
}
