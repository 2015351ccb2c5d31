import type { SubjectRef } from '#crypto';
import { BatchInsert } from '../batch-insert.js';
import { Weighted } from '../prng.js';
import {
  activityEntry,
  activityLog,
  EPOCH,
  HOUR,
  type Organization,
  type SeedContext,
  type SeededClient,
  type SeededContacts,
  YEAR,
} from '../tenant.js';
import { COMMUNICATION_SUBJECTS, SENTENCES } from '../vocabulary.js';

/** A few contacts have long timelines (a key account's main contact): this many, each with this share. */
const LONG_TIMELINES = 10;
const LONG_TIMELINE_SHARE = 0.002;
/** Communications logged against a client only (no contact). */
const CLIENT_ONLY_SHARE = 0.15;
const HISTORY = 2 * YEAR;

type Kind = keyof typeof COMMUNICATION_SUBJECTS;
const KINDS = new Weighted<Kind>([
  ['call', 35],
  ['email', 35],
  ['meeting', 8],
  ['note', 22],
]);

export interface SeededCommunications {
  count: number;
  /** The contact with the longest timeline, and its length. */
  longTimeline: { contactId: string; communications: number };
  /** Every hundredth id, for audit entries that point at communications. */
  sampleIds: string[];
}

/**
 * Phase 3: the communication history, inserted in time order (as it accumulated). Most is
 * spread over contacts and clients with a long tail; a few contacts have long timelines.
 * Sealed as `CommunicationsService.create` does: under the contact's key when there is a
 * contact, else the client's. Afterwards each party's `last_activity_at` is set as the
 * product's `touchParties` would have.
 */
export async function seedCommunications(
  ctx: SeedContext,
  org: Organization,
  clients: SeededClient[],
  contacts: SeededContacts,
  count: number,
): Promise<SeededCommunications> {
  const prng = ctx.prng('communications');
  const plan = planCommunications(ctx, clients, contacts, count);
  const cipher = ctx.crypto.records;
  const activity = activityLog(ctx.db);
  const rows = new BatchInsert(
    ctx.db,
    'communications',
    {
      id: 'uuid',
      organization_id: 'uuid',
      branch_id: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      version: 'int4',
      client_id: 'uuid',
      contact_id: 'uuid',
      kind: 'communication_kind',
      direction: 'communication_direction',
      occurred_at: 'timestamptz',
      duration_minutes: 'int4',
      author_id: 'uuid',
      subject_enc: 'bytea',
      body_enc: 'bytea',
    },
    { batchSize: 4_000, inFlight: 3 },
  );
  const lastContactActivity = new Float64Array(contacts.ids.length);
  const lastClientActivity = new Float64Array(clients.length);
  const sampleIds: string[] = [];

  for (const [position, index] of plan.order.entries()) {
    const id = prng.uuid();
    const contact = plan.contact[index];
    const clientIndex = contact >= 0 ? contacts.client[contact] : plan.client[index];
    const client = clientIndex >= 0 ? clients[clientIndex] : null;
    const branch = contact >= 0 ? contacts.branch[contact] : (client as SeededClient).branch;
    const occurredAt = plan.occurredAt[index];
    const kind = KINDS.draw(prng);
    const subject: SubjectRef =
      contact >= 0 ? cipher.subject('contact', contacts.ids[contact]) : cipher.subject('client', client?.id as string);
    const authorId = prng.chance(0.9) ? prng.pick(org.workers[branch]).id : org.owner.id;
    const loggedAt = new Date(occurredAt + prng.float() * 2 * HOUR);
    if (contact >= 0) lastContactActivity[contact] = Math.max(lastContactActivity[contact], occurredAt);
    if (clientIndex >= 0) lastClientActivity[clientIndex] = Math.max(lastClientActivity[clientIndex], occurredAt);
    if (position % 100 === 0) sampleIds.push(id);
    await rows.push({
      id,
      organization_id: org.id,
      branch_id: org.branches[branch].id,
      created_at: loggedAt,
      updated_at: loggedAt,
      version: 1,
      client_id: client?.id ?? null,
      contact_id: contact >= 0 ? contacts.ids[contact] : null,
      kind,
      direction: kind === 'note' ? 'internal' : prng.chance(0.5) ? 'inbound' : 'outbound',
      occurred_at: new Date(occurredAt),
      duration_minutes: kind === 'call' ? prng.int(1, 40) : kind === 'meeting' ? prng.pick([30, 45, 60, 90]) : null,
      author_id: authorId,
      subject_enc: prng.chance(kind === 'note' ? 0.6 : 0.95)
        ? await cipher.seal(subject, 'communications.subject', prng.pick(COMMUNICATION_SUBJECTS[kind]))
        : null,
      body_enc: prng.chance(0.75)
        ? await cipher.seal(subject, 'communications.body', body(prng.int(1, 4), prng))
        : null,
    });
    await activity.push(activityEntry(prng, org.id, 'communication', id, authorId, loggedAt));
  }
  await rows.close();
  await activity.close();
  await touchParties(ctx, 'contacts', contacts.ids, lastContactActivity);
  await touchParties(
    ctx,
    'clients',
    clients.map((client) => client.id),
    lastClientActivity,
  );
  return { count: rows.inserted, longTimeline: plan.longTimeline, sampleIds };
}

/**
 * Who each communication is with and when, sorted by time. Times fall in the last two
 * years, never before the party was added.
 */
function planCommunications(ctx: SeedContext, clients: SeededClient[], contacts: SeededContacts, count: number) {
  const prng = ctx.prng('communications-plan');
  const contact = new Int32Array(count).fill(-1);
  const client = new Int32Array(count).fill(-1);
  const occurredAt = new Float64Array(count);
  const since = (createdAt: number) => Math.max(createdAt, EPOCH - HISTORY);
  const at = (createdAt: number) => since(createdAt) + prng.float() * (EPOCH - since(createdAt));

  // Long timelines: contacts of long standing, picked at random among the older half.
  const perLong = Math.max(60, Math.round(count * LONG_TIMELINE_SHARE));
  const long = Array.from({ length: LONG_TIMELINES }, () => prng.int(0, Math.floor(contacts.ids.length / 2)));
  let next = 0;
  for (const chosen of long) {
    for (let i = 0; i < perLong && next < count; i++) {
      contact[next] = chosen;
      occurredAt[next++] = at(contacts.createdAt[chosen]);
    }
  }
  // The rest: a long tail over contacts and clients, in an order unrelated to their age.
  const contactOrder = shuffledIndexes(prng, contacts.ids.length);
  const clientOrder = shuffledIndexes(prng, clients.length);
  while (next < count) {
    if (prng.chance(CLIENT_ONLY_SHARE)) {
      const chosen = clientOrder[prng.skewed(clientOrder.length, 1.8)];
      client[next] = chosen;
      occurredAt[next++] = at(clients[chosen].createdAt);
    } else {
      const chosen = contactOrder[prng.skewed(contactOrder.length, 1.8)];
      contact[next] = chosen;
      occurredAt[next++] = at(contacts.createdAt[chosen]);
    }
  }
  const order = Uint32Array.from(occurredAt.keys()).sort((a, b) => occurredAt[a] - occurredAt[b]);
  const counts = new Map<number, number>();
  for (const chosen of contact) if (chosen >= 0) counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
  const [longest, communications] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { order, contact, client, occurredAt, longTimeline: { contactId: contacts.ids[longest], communications } };
}

function shuffledIndexes(prng: { int(min: number, max: number): number }, size: number): Uint32Array {
  const order = Uint32Array.from({ length: size }, (_, index) => index);
  for (let i = size - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function body(sentences: number, prng: { pick<T>(items: readonly T[]): T }): string {
  return Array.from({ length: sentences }, () => prng.pick(SENTENCES)).join(' ');
}

/** `last_activity_at` of every party with communications, in batches of one UPDATE … FROM unnest. */
async function touchParties(ctx: SeedContext, table: 'contacts' | 'clients', ids: string[], last: Float64Array) {
  const batch = 10_000;
  for (let start = 0; start < ids.length; start += batch) {
    const chosen: string[] = [];
    const times: Date[] = [];
    for (let index = start; index < Math.min(ids.length, start + batch); index++) {
      if (last[index] > 0) {
        chosen.push(ids[index]);
        times.push(new Date(last[index]));
      }
    }
    await ctx.db.query(
      `UPDATE ${table} t SET last_activity_at = u.at FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at) WHERE t.id = u.id`,
      [chosen, times],
    );
  }
}
