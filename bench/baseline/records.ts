import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { LoadedKeys } from '#crypto';
import { decodeCursor, encodeCursor } from '../../apps/api/src/common/cursor.js';
import { JOB_STATUSES, type JobStatus } from '../../apps/api/src/crm/crm.types.js';
import { canMove } from '../../apps/api/src/crm/jobs/job-workflow.js';
import type { AuditTrail, RequestContext } from './audit.js';
import { type Actor, HttpError } from './auth.js';
import type { FieldCrypto } from './crypto.js';
import {
  ACTIVITY_INSERT,
  BEGIN,
  BRANCHES_OF_ORGANIZATION,
  CLIENT_REF_FIND,
  COMMIT,
  COMMUNICATION_COLUMNS,
  CONTACT_COLUMNS,
  CONTACT_FIND,
  CONTACT_INSERT,
  JOB_FIND,
  JOB_UPDATE_STATUS,
  type KeysetQuery,
  keysetSql,
  ROLLBACK,
  USER_FIND,
  USER_NAMES,
} from './sql.js';

/** Rows as pg returns them for the product's statements (`<alias>_<column>`). */
export type Row = Record<string, unknown>;
type Query = URLSearchParams;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE_SIZE = 50;
const LIST_SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'];
const SORT_COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at', occurredAt: 'occurred_at' } as const;

export const badRequest = () => new HttpError(400, 'validation-failed');
const notFound = () => new HttpError(404, 'not-found');
/** Routes and options the scenarios never use: the baseline does not pretend to have them. */
export const notImplemented = () => new HttpError(501, 'not-in-baseline');

export const canSeeBranch = (actor: Actor, branchId: string) =>
  actor.branchScope === undefined || actor.branchScope.includes(branchId);

export const uuidParam = (value: string | null | undefined): string | undefined => {
  if (value == null) return undefined;
  if (!UUID.test(value)) throw badRequest();
  return value;
};

export function pageLimit(query: Query): number {
  const raw = query.get('limit');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest();
  return limit;
}

export function cursorAfter(query: Query, sort: string): { at: string; id: string } | null {
  let position: (string | number)[] | null;
  try {
    position = decodeCursor(query.get('cursor') ?? undefined, 3);
  } catch {
    throw badRequest();
  }
  if (!position) return null;
  if (position[0] !== sort) throw badRequest();
  return { at: String(position[1]), id: String(position[2]) };
}

export type KeysetShape = Omit<KeysetQuery, 'where' | 'after' | 'limit'>;

/** One page by keyset (crm/keyset.repository.ts), and the cursor of the next. */
export async function keysetPage(
  pool: Pool,
  shape: KeysetShape,
  where: Array<[string, ...unknown[]]>,
  after: { at: string; id: string } | null,
  limit: number,
  sort: string,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const { text, values } = keysetSql({ ...shape, where, after, limit });
  const { rows } = await pool.query(text, values);
  const page = (rows as Row[]).slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor([sort, last.cursor_at as string, last[`${shape.alias}_id`] as string])
      : null;
  return { rows: page, nextCursor };
}

/** START TRANSACTION … COMMIT on one client of the pool, ROLLBACK on failure. */
export async function inTransaction<Result>(
  pool: Pool,
  work: (client: PoolClient) => Promise<Result>,
): Promise<Result> {
  const client = await pool.connect();
  try {
    await client.query(BEGIN);
    const result = await work(client);
    await client.query(COMMIT);
    return result;
  } catch (error) {
    await client.query(ROLLBACK);
    throw error;
  } finally {
    client.release();
  }
}

/** The product's views, field for field and in the same order (the JSON is the same). */
export class Records {
  constructor(
    private readonly pool: Pool,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async listContacts(actor: Actor, query: Query) {
    const q = query.get('q');
    const searchTokens = q ? this.crypto.queryTokens(actor.organizationId, q) : undefined;
    if (q && searchTokens?.length === 0) throw badRequest();
    if (query.has('listId')) throw notImplemented();
    const sort = query.get('sort') ?? '-createdAt';
    if (!LIST_SORTS.includes(sort)) throw badRequest();
    const limit = pageLimit(query);
    const after = cursorAfter(query, sort);
    const tag = query.get('tag') ?? undefined;
    const ownerId = uuidParam(query.get('ownerId'));
    const branchId = uuidParam(query.get('branchId'));
    const clientId = uuidParam(query.get('clientId'));
    const where: Array<[string, ...unknown[]]> = [['"c"."organization_id" = ?', actor.organizationId]];
    if (actor.branchScope) where.push(['"c"."branch_id" = ANY(?::uuid[])', actor.branchScope]);
    if (searchTokens?.length) where.push(['"c"."search_tokens" @> ?::varchar[]', searchTokens]);
    if (tag) where.push(['"c"."tags" @> ARRAY[?]::varchar[]', tag]);
    if (ownerId) where.push(['"c"."owner_id" = ?', ownerId]);
    if (branchId) where.push(['"c"."branch_id" = ?', branchId]);
    if (clientId) where.push(['"c"."client_id" = ?', clientId]);
    const column = SORT_COLUMNS[sort.replace('-', '') as 'createdAt' | 'updatedAt'];
    const page = await this.keysetPage(
      { alias: 'c', table: 'contacts', columns: CONTACT_COLUMNS, sortColumn: column, descending: sort.startsWith('-') },
      where,
      after,
      limit,
      sort,
    );
    const keys = await this.crypto.keysFor(page.rows.map((row) => ({ kind: 'contact', id: row.c_id as string })));
    return { items: page.rows.map((row) => this.contactView(row, 'c', keys)), nextCursor: page.nextCursor };
  }

  /** A person reading a record: the view goes into the audit trail (once per five minutes). */
  async getContact(actor: Actor, id: string, context: RequestContext) {
    const row = await this.visibleContact(actor, uuidParam(id) as string);
    const view = this.contactView(row, 'ContactEntity', await this.crypto.keysFor([{ kind: 'contact', id }]));
    await this.audit.recordView(context, actor, actor.organizationId, 'contact', id);
    return view;
  }

  async listCommunications(actor: Actor, query: Query, context: RequestContext) {
    if (query.has('clientId') || query.has('kind') || query.has('authorId')) throw notImplemented();
    const contactId = uuidParam(query.get('contactId'));
    if (contactId) {
      await this.visibleContact(actor, contactId);
      await this.audit.recordView(context, actor, actor.organizationId, 'contact', contactId);
    }
    const limit = pageLimit(query);
    const after = cursorAfter(query, '-occurredAt');
    const where: Array<[string, ...unknown[]]> = [['"m"."organization_id" = ?', actor.organizationId]];
    if (actor.branchScope) where.push(['"m"."branch_id" = ANY(?::uuid[])', actor.branchScope]);
    if (contactId) where.push(['"m"."contact_id" = ?', contactId]);
    const page = await this.keysetPage(
      {
        alias: 'm',
        table: 'communications',
        columns: COMMUNICATION_COLUMNS,
        sortColumn: 'occurred_at',
        descending: true,
      },
      where,
      after,
      limit,
      '-occurredAt',
    );
    const subjectOf = (row: Row) =>
      row.m_contact_id
        ? { kind: 'contact', id: row.m_contact_id as string }
        : { kind: 'client', id: row.m_client_id as string };
    const keys = await this.crypto.keysFor(page.rows.map(subjectOf));
    const authors = await this.staffNames(
      actor.organizationId,
      page.rows.map((row) => row.m_author_id as string | null),
    );
    const items = page.rows.map((row) => {
      const subject = subjectOf(row);
      const authorId = row.m_author_id as string | null;
      return {
        id: row.m_id,
        clientId: row.m_client_id,
        contactId: row.m_contact_id,
        kind: row.m_kind,
        direction: row.m_direction,
        occurredAt: row.m_occurred_at,
        durationMinutes: row.m_duration_minutes,
        subject: keys.open(subject, 'communications.subject', row.m_subject_enc as Buffer | null),
        body: keys.open(subject, 'communications.body', row.m_body_enc as Buffer | null),
        authorId,
        authorName: (authorId && authors.get(authorId)) ?? null,
        apiKeyId: row.m_api_key_id,
        branchId: row.m_branch_id,
        createdAt: row.m_created_at,
        updatedAt: row.m_updated_at,
        version: row.m_version,
      };
    });
    return { items, nextCursor: page.nextCursor };
  }

  async createContact(actor: Actor, body: unknown, context: RequestContext) {
    const { input, branchId, ownerId } = await checkedContactInput(this.pool, actor, body);
    const id = randomUUID();
    const subject = { kind: 'contact', id };
    const fullName = input.fullName.trim();
    const sealed = {
      fullNameEnc: await this.crypto.seal(subject, 'contacts.fullName', fullName),
      emailEnc: await this.crypto.seal(subject, 'contacts.email', input.email),
      emailIndex: this.crypto.emailIndex(input.email),
      phoneEnc: await this.crypto.seal(subject, 'contacts.phone', input.phone),
      jobTitleEnc: await this.crypto.seal(subject, 'contacts.jobTitle', input.jobTitle),
      addressEnc: await this.crypto.sealJson(subject, 'contacts.address', input.address),
      notesEnc: await this.crypto.seal(subject, 'contacts.notes', input.notes),
      searchTokens: this.crypto.searchTokens(
        actor.organizationId,
        [fullName, input.email, input.jobTitle, input.address?.city, input.address?.postcode],
        [input.phone],
      ),
    };
    const tags = [...new Set(input.tags ?? [])];
    const inserted = await this.transaction(async (client) => {
      const { rows } = await client.query(CONTACT_INSERT, [
        id,
        actor.organizationId,
        branchId,
        null,
        sealed.fullNameEnc,
        sealed.emailEnc,
        sealed.emailIndex,
        sealed.phoneEnc,
        sealed.jobTitleEnc,
        sealed.addressEnc,
        sealed.notesEnc,
        tags,
        ownerId,
        sealed.searchTokens,
      ]);
      await client.query(ACTIVITY_INSERT, [actor.organizationId, 'contact', id, 'created', [], actor.kind, actor.id]);
      await this.audit.insert(client, context, {
        organizationId: actor.organizationId,
        action: 'record.created',
        actor,
        targetType: 'contact',
        targetId: id,
      });
      return rows[0] as { created_at: Date; updated_at: Date; version: number; tags: string[] };
    });
    return this.contactView(
      {
        x_id: id,
        x_client_id: null,
        x_full_name_enc: sealed.fullNameEnc,
        x_email_enc: sealed.emailEnc,
        x_phone_enc: sealed.phoneEnc,
        x_job_title_enc: sealed.jobTitleEnc,
        x_address_enc: sealed.addressEnc,
        x_notes_enc: sealed.notesEnc,
        x_tags: inserted.tags,
        x_owner_id: ownerId,
        x_branch_id: branchId,
        x_last_activity_at: null,
        x_restricted_at: null,
        x_created_at: inserted.created_at,
        x_updated_at: inserted.updated_at,
        x_version: inserted.version,
      },
      'x',
      await this.crypto.keysFor([subject]),
    );
  }

  async changeJobStatus(actor: Actor, id: string, body: unknown, context: RequestContext) {
    const change = body as { status?: unknown; version?: unknown } | null;
    const status = change?.status as JobStatus;
    const version = change?.version;
    if (!JOB_STATUSES.includes(status) || !Number.isInteger(version)) throw badRequest();
    const job = await this.visibleJob(actor, uuidParam(id) as string);
    const assigned = job.JobEntity_assigned_user_ids as string[];
    if (actor.role === 'agent' && !assigned.includes(actor.id)) throw new HttpError(403, 'forbidden');
    const client = await this.pool.query(CLIENT_REF_FIND, [actor.organizationId, job.JobEntity_client_id]);
    if (client.rows[0]?.ClientEntity_restricted_at) throw new HttpError(409, 'conflict');
    if (job.JobEntity_version !== version) throw new HttpError(409, 'conflict');
    if (!canMove(job.JobEntity_status as JobStatus, status)) throw new HttpError(409, 'conflict');
    // Completing also stamps completed_at: a statement the scenarios never send.
    if (status === 'completed') throw notImplemented();
    await this.transaction(async (client) => {
      const moved = await client.query(JOB_UPDATE_STATUS, [status, actor.organizationId, id, version]);
      if (moved.rowCount !== 1) throw new HttpError(409, 'conflict');
      await client.query(ACTIVITY_INSERT, [
        actor.organizationId,
        'job',
        id,
        'updated',
        ['status'],
        actor.kind,
        actor.id,
      ]);
      await this.audit.insert(client, context, {
        organizationId: actor.organizationId,
        action: 'record.updated',
        actor,
        targetType: 'job',
        targetId: id,
        details: { fields: ['status'] },
      });
    });
    const moved = await this.visibleJob(actor, id);
    return this.jobView(
      moved,
      await this.crypto.keysFor([{ kind: 'client', id: moved.JobEntity_client_id as string }]),
    );
  }

  private async visibleContact(actor: Actor, id: string): Promise<Row> {
    const { rows } = await this.pool.query(CONTACT_FIND, [actor.organizationId, id]);
    const row = rows[0] as Row | undefined;
    if (!row || !canSeeBranch(actor, row.ContactEntity_branch_id as string)) throw notFound();
    return row;
  }

  private async visibleJob(actor: Actor, id: string): Promise<Row> {
    const { rows } = await this.pool.query(JOB_FIND, [actor.organizationId, id]);
    const row = rows[0] as Row | undefined;
    if (!row || !canSeeBranch(actor, row.JobEntity_branch_id as string)) throw notFound();
    return row;
  }

  /** Author names for a timeline: one query, one key lookup batch (identity.service.ts `namesOf`). */
  private async staffNames(organizationId: string, userIds: Array<string | null>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const wanted = [...new Set(userIds.filter((value): value is string => value !== null))];
    if (wanted.length === 0) return names;
    const { rows } = await this.pool.query(USER_NAMES, [organizationId, wanted]);
    const keys = await this.crypto.keysFor(rows.map((user) => ({ kind: 'user', id: user.id as string })));
    for (const user of rows) {
      const id = user.id as string;
      names.set(id, keys.open({ kind: 'user', id }, 'users.fullName', user.full_name_enc) as string);
    }
    return names;
  }

  private keysetPage(
    shape: KeysetShape,
    where: Array<[string, ...unknown[]]>,
    after: { at: string; id: string } | null,
    limit: number,
    sort: string,
  ): Promise<{ rows: Row[]; nextCursor: string | null }> {
    return keysetPage(this.pool, shape, where, after, limit, sort);
  }

  private transaction<Result>(work: (client: PoolClient) => Promise<Result>): Promise<Result> {
    return inTransaction(this.pool, work);
  }

  private contactView(row: Row, alias: string, keys: LoadedKeys) {
    const column = (name: string) => row[`${alias}_${name}`];
    const id = column('id') as string;
    const subject = { kind: 'contact', id };
    const sealed = (name: string) => column(name) as Buffer | null;
    return {
      id,
      clientId: column('client_id'),
      fullName: keys.open(subject, 'contacts.fullName', sealed('full_name_enc')),
      email: keys.open(subject, 'contacts.email', sealed('email_enc')),
      phone: keys.open(subject, 'contacts.phone', sealed('phone_enc')),
      jobTitle: keys.open(subject, 'contacts.jobTitle', sealed('job_title_enc')),
      address: keys.openJson(subject, 'contacts.address', sealed('address_enc')),
      notes: keys.open(subject, 'contacts.notes', sealed('notes_enc')),
      tags: column('tags'),
      ownerId: column('owner_id'),
      branchId: column('branch_id'),
      lastActivityAt: column('last_activity_at'),
      restricted: column('restricted_at') !== null,
      createdAt: column('created_at'),
      updatedAt: column('updated_at'),
      version: column('version'),
    };
  }

  private jobView(row: Row, keys: LoadedKeys) {
    const subject = { kind: 'client', id: row.JobEntity_client_id as string };
    return {
      id: row.JobEntity_id,
      number: row.JobEntity_number,
      clientId: row.JobEntity_client_id,
      status: row.JobEntity_status,
      priority: row.JobEntity_priority,
      assignedUserIds: row.JobEntity_assigned_user_ids,
      dueOn: row.JobEntity_due_on,
      completedAt: row.JobEntity_completed_at,
      branchId: row.JobEntity_branch_id,
      title: keys.open(subject, 'jobs.title', row.JobEntity_title_enc as Buffer),
      siteAddress: keys.openJson(subject, 'jobs.site_address', row.JobEntity_site_address_enc as Buffer),
      description: keys.open(subject, 'jobs.description', row.JobEntity_description_enc as Buffer),
      createdAt: row.JobEntity_created_at,
      updatedAt: row.JobEntity_updated_at,
      version: row.JobEntity_version,
    };
  }
}

export interface ContactInput {
  clientId?: string | null;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  jobTitle?: string | null;
  address?: { city?: string; postcode?: string } | null;
  notes?: string | null;
  tags?: string[];
  ownerId?: string | null;
  branchId?: string;
}

/** The checks of ContactCreateDto that decide anything here; the rest is the client's business. */
export function contactInput(body: unknown): ContactInput {
  const input = body as ContactInput | null;
  const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
  if (
    !input ||
    typeof input.fullName !== 'string' ||
    input.fullName.length < 1 ||
    input.fullName.length > 200 ||
    !optionalText(input.email) ||
    !optionalText(input.phone) ||
    !optionalText(input.jobTitle) ||
    !optionalText(input.notes) ||
    (input.tags !== undefined && !Array.isArray(input.tags)) ||
    (input.branchId !== undefined && !UUID.test(input.branchId)) ||
    (input.ownerId != null && !UUID.test(input.ownerId))
  ) {
    throw badRequest();
  }
  return input;
}

/**
 * The product's checks before creating a contact, statement for statement (the branch list,
 * then the owner when it is someone else): shared by the baseline and its plaintext twin.
 */
export async function checkedContactInput(
  pool: Pool,
  actor: Actor,
  body: unknown,
): Promise<{ input: ContactInput; branchId: string; ownerId: string | null }> {
  const input = contactInput(body);
  if (input.clientId) throw notImplemented();
  const branchId = input.branchId;
  if (!branchId) throw badRequest();
  if (!canSeeBranch(actor, branchId)) throw new HttpError(403, 'forbidden');
  const branches = await pool.query(BRANCHES_OF_ORGANIZATION, [actor.organizationId]);
  if (!branches.rows.some((branch) => branch.BranchEntity_id === branchId)) throw badRequest();
  const ownerId = input.ownerId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.ownerId;
  if (ownerId && ownerId !== actor.id) {
    const { rows } = await pool.query(USER_FIND, [actor.organizationId, ownerId]);
    if (rows[0]?.UserEntity_state !== 'active') throw badRequest();
  }
  return { input, branchId, ownerId };
}
