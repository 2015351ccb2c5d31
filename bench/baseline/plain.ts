import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PLAIN_SCHEMA } from '../seed/plain.js';
import type { AuditTrail, RequestContext } from './audit.js';
import { type Actor } from './auth.js';
import {
  badRequest,
  checkedContactInput,
  cursorAfter,
  inTransaction,
  keysetPage,
  notImplemented,
  pageLimit,
  type Row,
  uuidParam,
} from './records.js';
import { ACTIVITY_INSERT, CONTACT_COLUMNS } from './sql.js';

/**
 * The plaintext twin of "list contacts" and "create a contact" (`BENCH_PLAINTEXT=on`): what the
 * baseline does for them, statement for statement, on `bench_plain.contacts` (bench/seed/plain.ts),
 * where the personal fields are stored in clear. Nothing is encrypted or decrypted, no data key
 * is looked up or minted, no blind index or search digests are computed or stored. The session
 * or API-key check, the branch and owner checks, the activity entry and the audit entry (on the
 * product's audit trail, chained at COMMIT as for the others) stay: the difference between the
 * twin and the baseline is the cost of per-subject encryption and blind search, and nothing else.
 */

/** The contacts' columns in the product's order, each encrypted one replaced by its plaintext. */
const PLAIN_CONTACT_COLUMNS = CONTACT_COLUMNS.filter((column) => column !== 'email_index').map((column) =>
  column.endsWith('_enc') ? column.slice(0, -'_enc'.length) : column,
);

const PLAIN_CONTACT_INSERT = `INSERT INTO "${PLAIN_SCHEMA}"."contacts"("created_at", "updated_at", "version", "id", "organization_id", "branch_id", "client_id", "full_name", "email", "phone", "job_title", "address", "notes", "tags", "owner_id", "last_activity_at", "restricted_at") VALUES (DEFAULT, DEFAULT, 1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, DEFAULT, DEFAULT) RETURNING "created_at", "updated_at", "version", "id", "tags"`;
const PLAIN_ACTIVITY_INSERT = ACTIVITY_INSERT.replace('INTO "crm_activity"', `INTO "${PLAIN_SCHEMA}"."crm_activity"`);

const LIST_SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'];
const SORT_COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** As RecordCipher.seal: an empty text is no value. */
const text = (value: string | null | undefined) => (value == null || value === '' ? null : value);

export class PlainRecords {
  constructor(
    private readonly pool: Pool,
    private readonly audit: AuditTrail,
  ) {}

  async listContacts(actor: Actor, query: URLSearchParams) {
    // Search is blind (digests) in the product; a plaintext search would be other SQL: not twinned.
    if (query.has('q') || query.has('listId')) throw notImplemented();
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
    if (tag) where.push(['"c"."tags" @> ARRAY[?]::varchar[]', tag]);
    if (ownerId) where.push(['"c"."owner_id" = ?', ownerId]);
    if (branchId) where.push(['"c"."branch_id" = ?', branchId]);
    if (clientId) where.push(['"c"."client_id" = ?', clientId]);
    const page = await keysetPage(
      this.pool,
      {
        alias: 'c',
        schema: PLAIN_SCHEMA,
        table: 'contacts',
        columns: PLAIN_CONTACT_COLUMNS,
        sortColumn: SORT_COLUMNS[sort.replace('-', '') as 'createdAt' | 'updatedAt'],
        descending: sort.startsWith('-'),
      },
      where,
      after,
      limit,
      sort,
    );
    return { items: page.rows.map((row) => contactView(row, 'c')), nextCursor: page.nextCursor };
  }

  async createContact(actor: Actor, body: unknown, context: RequestContext) {
    const { input, branchId, ownerId } = await checkedContactInput(this.pool, actor, body);
    const id = randomUUID();
    const address =
      input.address && Object.values(input.address).some((part) => part != null && part !== '') ? input.address : null;
    const plain = {
      full_name: input.fullName.trim(),
      email: text(input.email),
      phone: text(input.phone),
      job_title: text(input.jobTitle),
      address,
      notes: text(input.notes),
    };
    const tags = [...new Set(input.tags ?? [])];
    const inserted = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(PLAIN_CONTACT_INSERT, [
        id,
        actor.organizationId,
        branchId,
        null,
        plain.full_name,
        plain.email,
        plain.phone,
        plain.job_title,
        address ? JSON.stringify(address) : null,
        plain.notes,
        tags,
        ownerId,
      ]);
      await client.query(PLAIN_ACTIVITY_INSERT, [
        actor.organizationId,
        'contact',
        id,
        'created',
        [],
        actor.kind,
        actor.id,
      ]);
      await this.audit.insert(client, context, {
        organizationId: actor.organizationId,
        action: 'record.created',
        actor,
        targetType: 'contact',
        targetId: id,
      });
      return rows[0] as { created_at: Date; updated_at: Date; version: number; tags: string[] };
    });
    return contactView(
      {
        x_id: id,
        x_client_id: null,
        ...Object.fromEntries(Object.entries(plain).map(([name, value]) => [`x_${name}`, value])),
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
    );
  }
}

/** The product's contact view, field for field and in the same order, from plaintext columns. */
function contactView(row: Row, alias: string) {
  const column = (name: string) => row[`${alias}_${name}`];
  return {
    id: column('id'),
    clientId: column('client_id'),
    fullName: column('full_name'),
    email: column('email'),
    phone: column('phone'),
    jobTitle: column('job_title'),
    address: column('address'),
    notes: column('notes'),
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
