import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit trail, stated once. Each organization has its own chain:
 * entry n's hash is SHA-256(hash of entry n-1 ‖ canonical form of entry n). The database
 * trigger `audit_entries_chain` computes it on insert (migration AuditTrail); this module
 * recomputes it to verify, and must stay byte-for-byte the same as that trigger.
 *
 * Canonical form: the fields below in this order, each written as `<UTF-8 byte length>:<text>`
 * (or `-` when null), joined by `|`. `at` is written as milliseconds since the epoch, and
 * `details` as PostgreSQL prints the jsonb value (`details::text`).
 */
export interface ChainedFields {
  organizationId: string;
  seq: string;
  /** Milliseconds since the epoch (the column holds millisecond precision). */
  atMs: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** `details::text` as the database returns it, or null. */
  detailsText: string | null;
}

/** The hash before the first entry of a chain with no checkpoint. */
export const GENESIS_HASH = Buffer.alloc(32);

/** The chain of events with no organization (a sign-in attempt for an unknown address). */
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';

const ORDER: Array<keyof ChainedFields> = [
  'organizationId',
  'seq',
  'atMs',
  'actorKind',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'requestId',
  'ip',
  'userAgent',
  'detailsText',
];

export function canonicalForm(entry: ChainedFields): string {
  return ORDER.map((field) => {
    const value = entry[field];
    return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
  }).join('|');
}

export function chainHash(previous: Buffer, entry: ChainedFields): Buffer {
  return createHash('sha256').update(previous).update(canonicalForm(entry), 'utf8').digest();
}
