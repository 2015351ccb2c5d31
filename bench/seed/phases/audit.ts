import { type ChainedFields, chainHash, GENESIS_HASH } from '../../../apps/api/src/audit/audit-chain.js';
import { BatchInsert } from '../batch-insert.js';
import { type Prng, Weighted } from '../prng.js';
import { EPOCH, type Organization, type SeedContext, type StaffMember, YEAR } from '../tenant.js';
import { USER_AGENTS } from '../vocabulary.js';

/** What the trail points at: ids of seeded records, by target type. */
export interface AuditTargets {
  contact: string[];
  client: string[];
  job: string[];
  communication: string[];
}

interface EventKind {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  target?: keyof AuditTargets | 'user';
  /** Details as the service would report them (non-personal particulars only). */
  details?: Array<Record<string, unknown>>;
  anonymous?: boolean;
}

/** The mix of a busy tenant's year: mostly people reading and changing records, and signing in. */
const EVENTS = new Weighted<EventKind>([
  [{ action: 'personal_data.viewed', target: 'contact' }, 22],
  [{ action: 'personal_data.viewed', target: 'client' }, 6],
  [{ action: 'record.created', target: 'communication' }, 10],
  [{ action: 'record.created', target: 'contact' }, 3],
  [{ action: 'record.created', target: 'job' }, 3],
  [
    {
      action: 'record.updated',
      target: 'contact',
      details: [{ fields: ['phone'] }, { fields: ['email'] }, { fields: ['notes', 'tags'] }, { fields: ['address'] }],
    },
    6,
  ],
  [
    {
      action: 'record.updated',
      target: 'job',
      details: [{ fields: ['status'] }, { fields: ['completedAt', 'status'] }],
    },
    9,
  ],
  [{ action: 'record.updated', target: 'client', details: [{ fields: ['notes'] }, { fields: ['tags'] }] }, 2],
  [{ action: 'record.deleted', target: 'communication' }, 1],
  [{ action: 'auth.sign_in', target: 'user' }, 12],
  [
    {
      action: 'auth.sign_in',
      target: 'user',
      outcome: 'failure',
      anonymous: true,
      details: [{ reason: 'invalid-credentials' }],
    },
    1,
  ],
  [{ action: 'auth.sign_out', target: 'user' }, 4],
  [{ action: 'auth.session.revoked', target: 'user' }, 0.5],
  [{ action: 'auth.password.changed', target: 'user' }, 0.2],
  [{ action: 'user.profile_updated', target: 'user', details: [{ fields: ['phone'] }, { fields: ['jobTitle'] }] }, 0.3],
  [{ action: 'personal_data.exported', target: 'contact', details: [{ format: 'json' }] }, 0.2],
  [{ action: 'contacts.imported', details: [{ rows: 25 }, { rows: 120 }, { rows: 480 }] }, 0.1],
  [
    {
      action: 'access.denied',
      outcome: 'denied',
      details: [{ permission: 'contacts:delete' }, { permission: 'invoices:void' }, { permission: 'audit:read' }],
    },
    0.7,
  ],
]);

type AuditColumn =
  | 'organization_id'
  | 'seq'
  | 'at'
  | 'actor_kind'
  | 'actor_id'
  | 'action'
  | 'target_type'
  | 'target_id'
  | 'outcome'
  | 'request_id'
  | 'ip'
  | 'user_agent'
  | 'details'
  | 'prev_hash'
  | 'hash';

/**
 * Phase 5: a year of the organization's audit trail, chained. Inserting a million rows
 * through the chaining trigger would stamp them all with the seeding time and serialise
 * on the chain head; instead the seed computes seq, time and hash itself with the product's
 * `chainHash` (the trigger's twin), inserts with the table's triggers disabled, and moves
 * the chain head to the last entry. `verifyAuditChain` then checks the chain as stored.
 */
export async function seedAudit(
  ctx: SeedContext,
  org: Organization,
  targets: AuditTargets,
  count: number,
): Promise<number> {
  const prng = ctx.prng('audit');
  const detailsText = await canonicalDetails(ctx);
  const actors = new Actors(prng, org);
  const start = EPOCH - YEAR;
  const step = YEAR / Math.max(1, count);
  const rows = new BatchInsert<AuditColumn>(
    ctx.db,
    'audit_entries',
    {
      organization_id: 'uuid',
      seq: 'int8',
      at: 'timestamptz',
      actor_kind: 'varchar',
      actor_id: 'uuid',
      action: 'varchar',
      target_type: 'varchar',
      target_id: 'varchar',
      outcome: 'varchar',
      request_id: 'varchar',
      ip: 'varchar',
      user_agent: 'varchar',
      details: 'jsonb',
      prev_hash: 'bytea',
      hash: 'bytea',
    },
    { batchSize: 5_000, inFlight: 3 },
  );

  await setTriggers(ctx, 'DISABLE');
  try {
    let previous: Buffer = GENESIS_HASH;
    for (let seq = 1; seq <= count; seq++) {
      const event = EVENTS.draw(prng);
      const actor = actors.pick();
      const target = event.target === 'user' ? actor.member.id : event.target ? prng.pick(targets[event.target]) : null;
      const details = event.details ? (detailsText.get(JSON.stringify(prng.pick(event.details))) as string) : null;
      const atMs = Math.floor(start + (seq - 1 + prng.float()) * step);
      const entry: ChainedFields = {
        organizationId: org.id,
        seq: String(seq),
        atMs: String(atMs),
        actorKind: event.anonymous ? 'anonymous' : 'user',
        actorId: event.anonymous ? null : actor.member.id,
        action: event.action,
        targetType: event.target ?? null,
        targetId: target,
        outcome: event.outcome ?? 'success',
        requestId: prng.uuid(),
        ip: prng.pick(actor.ips),
        userAgent: actor.userAgent,
        detailsText: details,
      };
      const hash = chainHash(previous, entry);
      await rows.push({
        organization_id: entry.organizationId,
        seq,
        at: new Date(atMs),
        actor_kind: entry.actorKind,
        actor_id: entry.actorId,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        outcome: entry.outcome,
        request_id: entry.requestId,
        ip: entry.ip,
        user_agent: entry.userAgent,
        details,
        prev_hash: previous,
        hash,
      });
      previous = hash;
    }
    await rows.close();
    await ctx.db.query(
      `INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
      [org.id, count, previous],
    );
  } finally {
    await setTriggers(ctx, 'ENABLE');
  }
  return rows.inserted;
}

/**
 * Recomputes the organization's chain from the rows as stored (time and details as the
 * database prints them, like the trigger reads them): every prev_hash must be the hash
 * before it, every hash must match, and the head must be the last entry.
 */
export async function verifyAuditChain(ctx: SeedContext, organizationId: string): Promise<number> {
  let previous: Buffer = GENESIS_HASH;
  let verified = 0;
  for (;;) {
    const { rows } = await ctx.db.query<{
      seq: string;
      at_ms: string;
      actor_kind: string;
      actor_id: string | null;
      action: string;
      target_type: string | null;
      target_id: string | null;
      outcome: string;
      request_id: string | null;
      ip: string | null;
      user_agent: string | null;
      details: string | null;
      prev_hash: Buffer;
      hash: Buffer;
    }>(
      `SELECT seq::text, floor(extract(epoch FROM at) * 1000)::bigint::text AS at_ms, actor_kind, actor_id::text,
              action, target_type, target_id, outcome, request_id, ip, user_agent, details::text, prev_hash, hash
       FROM audit_entries e WHERE organization_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT 20000`,
      [organizationId, verified],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const expected = chainHash(previous, {
        organizationId,
        seq: row.seq,
        atMs: row.at_ms,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        outcome: row.outcome,
        requestId: row.request_id,
        ip: row.ip,
        userAgent: row.user_agent,
        detailsText: row.details,
      });
      if (Number(row.seq) !== verified + 1 || !row.prev_hash.equals(previous) || !row.hash.equals(expected)) {
        throw new Error(`The audit chain breaks at seq ${row.seq}`);
      }
      previous = row.hash;
      verified++;
    }
  }
  const head = await ctx.db.query<{ seq: string; hash: Buffer }>(
    'SELECT seq::text, hash FROM audit_chain_heads WHERE organization_id = $1',
    [organizationId],
  );
  if (verified > 0 && (Number(head.rows[0]?.seq) !== verified || !head.rows[0].hash.equals(previous))) {
    throw new Error('The audit chain head is not the last entry');
  }
  return verified;
}

/** ALTER TABLE … DISABLE TRIGGER USER needs the table's owner: the bench connects as it. */
async function setTriggers(ctx: SeedContext, state: 'DISABLE' | 'ENABLE'): Promise<void> {
  for (const table of ['audit_entries', 'audit_chain_heads']) {
    await ctx.db.query(`ALTER TABLE ${table} ${state} TRIGGER USER`);
  }
}

/**
 * The hash covers `details::text`, jsonb's own rendering (key order, spacing). Each
 * details value the generator uses is rendered once by the database, so the computed
 * chain hashes exactly what the trigger and the verifier read back.
 */
async function canonicalDetails(ctx: SeedContext): Promise<Map<string, string>> {
  const values = EVENTS.items.flatMap((event) => event.details ?? []).map((details) => JSON.stringify(details));
  const { rows } = await ctx.db.query<{ source: string; canonical: string }>(
    'SELECT source, source::jsonb::text AS canonical FROM unnest($1::text[]) AS source',
    [values],
  );
  return new Map(rows.map((row) => [row.source, row.canonical]));
}

/** Staff as actors: agents act most; each person uses one browser from one to three addresses. */
class Actors {
  private readonly people: Weighted<{ member: StaffMember; ips: string[]; userAgent: string }>;

  constructor(
    private readonly prng: Prng,
    org: Organization,
  ) {
    const ranges = ['192.0.2', '198.51.100', '203.0.113'];
    this.people = new Weighted(
      org.staff.map((member) => {
        const ips = Array.from({ length: prng.int(1, 3) }, () => `${prng.pick(ranges)}.${prng.int(1, 254)}`);
        const weight = { agent: 6, manager: 8, owner: 5, admin: 4, privacy_officer: 2, viewer: 1 }[member.role];
        return [{ member, ips, userAgent: prng.pick(USER_AGENTS) }, weight] as const;
      }),
    );
  }

  pick() {
    return this.people.draw(this.prng);
  }
}
