import type pg from 'pg';
import type { Address } from '../../apps/api/src/crm/crm.types.js';
import { BatchInsert } from './batch-insert.js';
import { Prng } from './prng.js';
import type { ProductCrypto } from './product.js';

/** Every seeded time is relative to this instant, never to the clock: the same seed gives the same rows. */
export const EPOCH = Date.UTC(2026, 0, 1);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365 * DAY;

/** What every phase gets: the database, the product's crypto, a PRNG stream of its own. */
export interface SeedContext {
  db: pg.Pool;
  seed: number;
  crypto: ProductCrypto;
  /** A PRNG stream for one part of the generator, independent of the others. */
  prng(stream: string): Prng;
}

export const seedContext = (db: pg.Pool, seed: number, crypto: ProductCrypto): SeedContext => ({
  db,
  seed,
  crypto,
  prng: (stream) => new Prng(seed, stream),
});

export interface Branch {
  id: string;
  name: string;
  /** Phone prefix of Ofcom's drama range for the branch's area. */
  area: string;
  postcode: string;
}

export interface StaffMember {
  id: string;
  role: 'owner' | 'admin' | 'privacy_officer' | 'manager' | 'agent' | 'viewer';
  email: string;
  fullName: string;
  branchIds: string[];
}

/** The organization and its people, as phase 1 made them. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  branches: Branch[];
  staff: StaffMember[];
  owner: StaffMember;
  password: string;
  /** Managers and agents of each branch (by branch index): who owns, logs and does the work there. */
  workers: StaffMember[][];
}

/** A client as later phases need it: its key, branch, owner and the plaintext its invoices copy. */
export interface SeededClient {
  id: string;
  branch: number;
  ownerId: string;
  createdAt: number;
  billTo: { name: string; email: string | null; address: Address | null };
}

/** Contacts in columns (100k objects would cost far more memory than these arrays). */
export interface SeededContacts {
  ids: string[];
  /** Index into the clients, or -1 for a contact of their own. */
  client: Int32Array;
  branch: Uint8Array;
  createdAt: Float64Array;
}

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The activity log the product writes beside every create and change (`crm_activity`):
 * seeded too, so the table a write appends to has the size a real tenant's would.
 */
export const activityLog = (db: pg.Pool) =>
  new BatchInsert(
    db,
    'crm_activity',
    {
      id: 'uuid',
      organization_id: 'uuid',
      record_type: 'varchar',
      record_id: 'uuid',
      action: 'activity_action',
      fields: 'varchar[]',
      actor_kind: 'actor_kind',
      actor_id: 'uuid',
      at: 'timestamptz',
    },
    { batchSize: 5_000 },
  );

export type ActivityLog = ReturnType<typeof activityLog>;

/** One activity entry (names of changed fields, never values), as ActivityService.record writes it. */
export const activityEntry = (
  prng: Prng,
  organizationId: string,
  recordType: string,
  recordId: string,
  actorId: string,
  at: Date,
  fields: string[] | null = null,
) => ({
  id: prng.uuid(),
  organization_id: organizationId,
  record_type: recordType,
  record_id: recordId,
  action: fields ? 'updated' : 'created',
  fields: fields ?? [],
  actor_kind: 'user',
  actor_id: actorId,
  at,
});

/** Columns every CRM record has (`BranchScopedEntity`). */
export const RECORD_COLUMNS = {
  id: 'uuid',
  organization_id: 'uuid',
  branch_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int4',
} as const;
