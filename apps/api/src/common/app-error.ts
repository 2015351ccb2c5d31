/**
 * Every error kind the API answers with, its HTTP status and its stable title. Services
 * throw `AppError(code)`; the problem filter maps it to RFC 9457 problem+json, where
 * `type` is `urn:steward:problem:<code>`. Adding a code here is the only way to add one.
 */
export const ERROR_CATALOG = {
  'validation-failed': { status: 400, title: 'The request has invalid fields' },
  'malformed-body': { status: 400, title: 'The request body is not valid JSON' },
  'bad-request': { status: 400, title: 'The request cannot be processed' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  'invalid-credentials': { status: 401, title: 'The email or password is not correct' },
  'session-expired': { status: 401, title: 'Your session has ended; please sign in again' },
  'csrf-failed': { status: 403, title: 'The request did not carry a valid CSRF token' },
  'mfa-code-invalid': { status: 401, title: 'The verification code is not valid' },
  'mfa-enrolment-required': { status: 403, title: 'Your organization requires two-step verification; set it up first' },
  'policy-acceptance-required': {
    status: 403,
    title: 'The privacy policy has changed; review and accept it to continue',
  },
  'email-not-verified': { status: 403, title: 'Confirm your email address first' },
  'under-minimum-age': { status: 403, title: 'You are below the minimum age for an account' },
  forbidden: { status: 403, title: 'You do not have permission for this action' },
  'analytics-consent-required': { status: 403, title: 'Usage analytics need the analytics cookie consent first' },
  'not-found': { status: 404, title: 'The resource was not found' },
  'route-not-found': { status: 404, title: 'No such endpoint' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'rule-running': { status: 409, title: 'This retention rule is running already; try again when it has finished' },
  'legal-hold': { status: 409, title: 'A legal hold covers this; it is kept until the hold is released' },
  'idempotency-key-in-use': {
    status: 409,
    title: 'A request with this Idempotency-Key is still running',
  },
  gone: { status: 410, title: 'The resource has expired and was deleted' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'idempotency-key-reused': {
    status: 422,
    title: 'This Idempotency-Key was used for another request',
  },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  'sign-in-locked': { status: 429, title: 'Too many failed sign-ins; try again later' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  'service-unavailable': { status: 503, title: 'The service is not ready' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extensions: { errors?: FieldError[] } & Record<string, unknown> = {},
  ) {
    super(detail ?? ERROR_CATALOG[code].title);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}

export const problemType = (code: ErrorCode) => `urn:steward:problem:${code}`;
