import type { OpenAPIObject } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENT_REPLAYED_HEADER,
} from './idempotency/idempotency.service.js';

type Operation = {
  operationId?: string;
  description?: string;
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { description?: string; headers?: Record<string, unknown>; content?: unknown }>;
};

/** Schemes whose callers are known to the API (a session's access token, an API key): their POSTs take a key. */
const CREDENTIALED = ['bearer', 'api-key'];

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };

/**
 * Lists without an update time, and what to read them by instead of `updatedSince`. A new list
 * either takes `updatedSince` or is named here (`integration.openapi.e2e-spec.ts` holds it so).
 */
export const LISTS_WITHOUT_UPDATED_SINCE: Record<string, string> = {
  listAuditActions: 'A fixed catalogue of action names.',
  listAuditEntries: 'Entries never change: read what is new with `from` (the entry time), then page by cursor.',
  listSessions: 'Your own sessions, a short list read whole; sessions are not records.',
  getClientActivity: 'Activity entries never change; the record’s own `updatedAt` says when it did.',
  getContactActivity: 'Activity entries never change; the record’s own `updatedAt` says when it did.',
  getInvoiceActivity: 'Activity entries never change; the record’s own `updatedAt` says when it did.',
  getJobActivity: 'Activity entries never change; the record’s own `updatedAt` says when it did.',
  getScheduleEntryActivity: 'Activity entries never change; the record’s own `updatedAt` says when it did.',
  getTaxPolicyActivity: 'Activity entries never change; the record’s own `updatedAt` says when it did.',
  listInvoicePayments:
    'Payments never change. Recording one changes its invoice, so `GET /invoices?updatedSince=` finds the invoices to read again.',
  listLegalHolds: 'Holds have no update time (setting and releasing are stamped): filter by `active`.',
  listMyDataExports: 'Your own exports, a short list read whole.',
  list: 'The processors of one privacy document, a short list read whole.',
  noticeHistory: 'Published versions never change.',
  platformHistory: 'Published versions never change.',
  listSecurityEvents: 'Your own security events, from the audit trail: entries never change.',
  listRetentionRules: 'The rules the platform runs: a fixed list read whole.',
  listRetentionRuns: 'Runs have no update time: read a run by id to follow it.',
  listRoles: 'A fixed catalogue of roles.',
  listWebhookDeliveries: 'Deliveries have no update time: filter by `status`.',
};

/**
 * What an integrator builds on, said once for every operation: `Idempotency-Key` on every
 * credentialed POST (with its 409 and 422 and the replay header) and, on lists, whether
 * `updatedSince` applies. Called by openapi.ts.
 */
export function documentIntegration(document: OpenAPIObject): void {
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, Operation>)) {
      if (method === 'post' && isCredentialed(operation)) documentIdempotency(operation);
      if (method === 'get' && !path.endsWith('}')) documentSync(operation);
    }
  }
}

const isCredentialed = (operation: Operation) =>
  (operation.security ?? []).some((requirement) => CREDENTIALED.some((scheme) => scheme in requirement));

function documentIdempotency(operation: Operation): void {
  operation.parameters = [
    ...(operation.parameters ?? []),
    {
      name: IDEMPOTENCY_KEY_HEADER,
      in: 'header',
      required: false,
      description:
        'Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours ' +
        `by default) answers the first 2xx answer again, marked \`${IDEMPOTENT_REPLAYED_HEADER}: true\`, without ` +
        'doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^[\\x21-\\x7E]+$',
        example: '0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e',
      },
    } as never,
  ];
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!/^2/.test(status)) continue;
    response.headers = {
      ...response.headers,
      [IDEMPOTENT_REPLAYED_HEADER]: {
        description: `\`true\` when this is the stored answer to an earlier request with the same ${IDEMPOTENCY_KEY_HEADER}.`,
        schema: { type: 'string', enum: ['true'] },
      },
    };
  }
  const also = (status: string, text: string) => {
    const existing = operation.responses[status]?.description;
    operation.responses[status] = {
      ...operation.responses[status],
      description: existing ? `${existing} ${text}` : text,
      content: PROBLEM,
    };
  };
  also(
    '409',
    `\`idempotency-key-in-use\`: a request with this ${IDEMPOTENCY_KEY_HEADER} is still running; retry after ` +
      `\`Retry-After\` seconds. A claim whose request died frees itself after ${IDEMPOTENCY_LEASE_MS / 1000} seconds.`,
  );
  also('422', `\`idempotency-key-reused\`: this ${IDEMPOTENCY_KEY_HEADER} was sent with another request.`);
}

function documentSync(operation: Operation): void {
  const syncs = (operation.parameters ?? []).some((parameter) => parameter.name === 'updatedSince');
  const note = operation.operationId ? LISTS_WITHOUT_UPDATED_SINCE[operation.operationId] : undefined;
  if (syncs || !note) return;
  const sentence = `No \`updatedSince\`: ${note}`;
  operation.description = operation.description ? `${operation.description}\n\n${sentence}` : sentence;
}
