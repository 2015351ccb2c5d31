import { createTestDatabase, type TestDatabase } from '#testing';
import { TENANT_TABLES as FIRST_TENANT_TABLES } from '../../src/database/migrations/1796800500000-row-level-security.js';
import { IDEMPOTENCY_TENANT_TABLES } from '../../src/database/migrations/1796800700000-idempotency-keys.js';

/** The tenant tables of every migration that walls its own (a later one adds its list here). */
const TENANT_TABLES = [...FIRST_TENANT_TABLES, ...IDEMPOTENCY_TENANT_TABLES];

/**
 * Keys of tenant tables that do not carry organization_id, each with the reason it is safe
 * and what a sharded PostgreSQL (Citus) would do instead (docs/operations.md "From one
 * PostgreSQL to read replicas to Citus"). Anything else without the tenant fails the test.
 */
const ALLOWED: Record<string, string> = {
  // One account per email address across the platform: sign-in is by email alone, before
  // any organization is known. On Citus this uniqueness moves to a lookup table of
  // accounts (email blind index → organization), kept as a reference table.
  'users.UQ_users_account_email': 'one account per email, platform-wide',
  // Visitors' cookie choices belong to no organization (organization_id is null for them),
  // so the table cannot be distributed by organization_id: it stays with the coordinator.
  'cookie_consents.PK_4785bbce481c55a6fec1ef80bbf': 'visitors have no organization',
  // Foreign keys to the shared tables (rows of the platform or of one organization), which
  // become Citus reference tables: a distributed table may reference a reference table.
  'policy_acceptances.FK_policy_acceptances_version': 'references policy_versions, a shared table',
  'retention_receipts.FK_d55f4735cde3e935d3f5abc1ded': 'references retention_runs, a shared table',
};

type Key = {
  table: string;
  name: string;
  kind: 'primary key' | 'unique' | 'foreign key';
  columns: string[];
  referenced: string | null;
  referencedColumns: string[] | null;
};

/** Every primary key, unique constraint, unique index and foreign key of `tables`, from the catalog. */
async function keysOf(db: TestDatabase, tables: string[]): Promise<Key[]> {
  const columnNames = (attrs: string, rel: string) =>
    `(SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(${attrs}) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum)`;
  const constraints = await db.query<Key>(
    `SELECT t.relname AS table, c.conname AS name,
            CASE c.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' ELSE 'foreign key' END AS kind,
            ${columnNames('c.conkey', 'c.conrelid')} AS columns,
            r.relname AS referenced,
            ${columnNames('c.confkey', 'c.confrelid')} AS "referencedColumns"
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       LEFT JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f') AND t.relname = ANY($1)`,
    [tables],
  );
  // Unique indexes that back no constraint (CREATE UNIQUE INDEX), expressions included.
  const indexes = await db.query<Key>(
    `SELECT t.relname AS table, x.relname AS name, 'unique' AS kind,
            regexp_split_to_array(substring(pg_get_indexdef(i.indexrelid) FROM '\\((.*)\\)'), ',\\s*') AS columns,
            NULL AS referenced, NULL AS "referencedColumns"
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_class x ON x.oid = i.indexrelid
      WHERE t.relnamespace = 'public'::regnamespace AND i.indisunique AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  return [...constraints, ...indexes];
}

/** The keys that would not hold on a database distributed by organization_id. */
function withoutTenant(keys: Key[]): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    const id = `${key.table}.${key.name}`;
    if (ALLOWED[id]) continue;
    const position = key.columns.indexOf('organization_id');
    if (position < 0) {
      problems.push(`${id}: ${key.kind} (${key.columns.join(', ')}) lacks organization_id`);
      continue;
    }
    if (key.kind !== 'foreign key') continue;
    // organization_id must meet the other table's tenant: organizations.id, or its organization_id.
    const expected = key.referenced === 'organizations' ? 'id' : 'organization_id';
    if (key.referencedColumns?.[position] !== expected) {
      problems.push(`${id}: organization_id references ${key.referenced}.${key.referencedColumns?.[position]}`);
    }
  }
  return problems;
}

/**
 * Every primary, unique and foreign key of a tenant table carries organization_id, the
 * shape Citus needs to enforce keys within one shard and to co-locate joins. Runs on
 * PGlite and on a PostgreSQL server alike: it reads only the catalog.
 */
describe('tenant keys', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it('should carry organization_id in every primary, unique and foreign key of a tenant table', async () => {
    const keys = await keysOf(db, TENANT_TABLES);
    // Every tenant table has its primary key listed: the catalog query sees them all.
    expect(new Set(keys.filter((key) => key.kind === 'primary key').map((key) => key.table))).toEqual(
      new Set(TENANT_TABLES),
    );
    expect(withoutTenant(keys)).toEqual([]);
    // The allow-list names only keys that exist: a stale entry would hide nothing but mislead.
    const names = new Set(keys.map((key) => `${key.table}.${key.name}`));
    expect(Object.keys(ALLOWED).filter((id) => !names.has(id))).toEqual([]);
  });

  it('should never null organization_id when a referenced row goes (ON DELETE SET NULL names the link only)', async () => {
    const setNull = await db.query<{ name: string; columns: string[] | null }>(
      `SELECT c.conname AS name,
              (SELECT array_agg(a.attname::text) FROM unnest(c.confdelsetcols) AS k(attnum)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
         FROM pg_constraint c
        WHERE c.connamespace = 'public'::regnamespace AND c.contype = 'f' AND c.confdeltype = 'n'
        ORDER BY 1`,
    );
    expect(setNull.map((key) => key.name)).toEqual(['FK_contacts_client', 'FK_invoices_client', 'FK_invoices_job']);
    for (const key of setNull) {
      expect(key.columns).toHaveLength(1);
      expect(key.columns).not.toContain('organization_id');
    }
  });

  it('should report a key without organization_id, so the check can fail', async () => {
    await db.query(
      `CREATE TABLE tenant_keys_probe (
         id uuid PRIMARY KEY, organization_id uuid NOT NULL, token text UNIQUE,
         client_id uuid, FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id))`,
    );
    await db.query('CREATE UNIQUE INDEX tenant_keys_probe_lower ON tenant_keys_probe (lower(token))');
    await db.query(
      'ALTER TABLE tenant_keys_probe ADD CONSTRAINT tenant_keys_probe_swapped FOREIGN KEY (client_id, organization_id) REFERENCES clients (organization_id, id)',
    );
    try {
      expect(withoutTenant(await keysOf(db, ['tenant_keys_probe'])).sort()).toEqual([
        'tenant_keys_probe.tenant_keys_probe_lower: unique (lower(token)) lacks organization_id',
        'tenant_keys_probe.tenant_keys_probe_pkey: primary key (id) lacks organization_id',
        'tenant_keys_probe.tenant_keys_probe_swapped: organization_id references clients.id',
        'tenant_keys_probe.tenant_keys_probe_token_key: unique (token) lacks organization_id',
      ]);
    } finally {
      await db.query('DROP TABLE tenant_keys_probe');
    }
  });
});
