/** Events integrations may subscribe to. Payloads name records by id and kind, never by value. */
export const WEBHOOK_EVENT_TYPES = [
  'subject.erased',
  'subject.restricted',
  'subject.rectified',
  'request.completed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by the test-send button, to one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The kinds of data subject a payload may name. */
export type WebhookSubjectType = 'client' | 'contact' | 'user';

/** The `data` of each event: ids, kinds and field names only. */
export interface WebhookEventData {
  'subject.erased': { subjectType: WebhookSubjectType; subjectId: string; erasureId: string };
  'subject.restricted': { subjectType: WebhookSubjectType; subjectId: string; restricted: boolean };
  /** `fields` are field names (e.g. `email`), never their values. */
  'subject.rectified': { subjectType: WebhookSubjectType; subjectId: string; fields: string[] };
  'request.completed': { requestId: string; requestType: string };
  'webhook.test': { endpointId: string };
}

/**
 * Delay before each attempt, the Standard Webhooks recommended schedule: at once, then 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (about 28 hours in all). Attempt n (1-based) is due
 * `WEBHOOK_RETRY_SCHEDULE_MS[n - 1]` after the previous one; after the last the delivery fails.
 * Retries are due by the injected Clock, so tests move the clock instead of waiting.
 */
export const WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** How long a rotated-out secret keeps signing beside the new one. */
export const WEBHOOK_ROTATION_GRACE_MS = 24 * 3_600_000;
