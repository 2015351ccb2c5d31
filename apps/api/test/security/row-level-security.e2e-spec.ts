import pg from 'pg';
import { DataSource } from 'typeorm';
import { bearerFor, createOrganization, createTestApp, type TestApp, type TestOrganization, waitFor } from '#testing';
import { ClientsRepository } from '../../src/crm/clients/clients.repository.js';
import {
  TENANT_TABLES as FIRST_TENANT_TABLES,
  SHARED_TABLES,
} from '../../src/database/migrations/1796800500000-row-level-security.js';
import { IDEMPOTENCY_TENANT_TABLES } from '../../src/database/migrations/1796800700000-idempotency-keys.js';

/** The tenant tables of every migration that walls its own (a later one adds its list here). */
const TENANT_TABLES = [...FIRST_TENANT_TABLES, ...IDEMPOTENCY_TENANT_TABLES];

import { JobsService } from '../../src/jobs/jobs.service.js';

/** Tables without an organization's rows, and why: a new table must be placed on one side or the other. */
const PLATFORM_TABLES: Record<string, string> = {
  mail_outbox: 'outgoing mail, sealed, sent from the platform; content dropped once sent',
  migrations: 'the schema history',
  organizations: 'walled by its own id',
  organization_purges: 'records of organizations that no longer exist',
  sign_in_attempts: 'keyed by a blind index of the email, before anyone is known',
  subject_keys: 'wrapped data keys, keyed by subject; the rows that name subjects are walled',
  usage_rollups: 'the nightly rollup bookkeeping, no tenant data',
  usage_salts: 'daily salts of the anonymous analytics',
};

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

/**
 * The second wall: the app connects as a role that row-level security binds, so a query
 * that forgot its `organization_id` filter still sees only the caller's organization, and a
 * connection with no tenant set sees nothing. PGlite has one role (the owner, whom policies
 * do not bind), so this runs on a PostgreSQL server, as CI does.
 */
(onServer ? describe : describe.skip)('row-level security', () => {
  let app: TestApp;
  let ours: TestOrganization;
  let theirs: TestOrganization;
  let theirClient: string;
  let ourOwner: string;
  let asApp: pg.Client;

  const countClients = async (client: pg.Client) =>
    Number((await client.query('SELECT count(*)::int AS n FROM clients')).rows[0].n);

  beforeAll(async () => {
    app = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '500' } });
    ours = await createOrganization(app);
    theirs = await createOrganization(app);
    ourOwner = await bearerFor(app, ours.users.owner.email);
    const theirOwner = await bearerFor(app, theirs.users.owner.email);
    for (const [bearer, name] of [
      [ourOwner, 'Ours Ltd'],
      [theirOwner, 'Theirs Ltd'],
    ]) {
      const branch = await app.http().post('/api/v1/branches').set('authorization', bearer).send({ name }).expect(201);
      const created = await app
        .http()
        .post('/api/v1/clients')
        .set('authorization', bearer)
        .send({ kind: 'company', name, branchId: branch.body.id })
        .expect(201);
      if (name === 'Theirs Ltd') theirClient = created.body.id;
    }
    asApp = new pg.Client({ connectionString: app.db.appUrl });
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp?.end();
    await app?.close();
  });

  it('should connect the app as a role the policies bind, and say so at start', async () => {
    expect(app.db.appUrl).toBeDefined();
    const [row] = (await asApp.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user')).rows;
    expect(row).toEqual({ rolsuper: false, rolbypassrls: false });
    expect(app.logs.some((line) => String(line.msg).startsWith('Row-level security binds'))).toBe(true);
  });

  it('should show nothing to a raw query as the app role with no tenant set', async () => {
    const asOwner = (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM clients'))[0].n;
    expect(asOwner).toBe(2);
    expect(await countClients(asApp)).toBe(0);
    for (const table of ['contacts', 'users', 'audit_entries', 'organizations', 'sessions']) {
      expect((await asApp.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);
    }
  });

  it("should show one organization's rows once its tenant is set, and refuse writing another's", async () => {
    await asApp.query("SELECT set_config('steward.tenant_id', $1, false)", [ours.organizationId]);
    try {
      const rows = (await asApp.query('SELECT organization_id FROM clients')).rows;
      expect(rows).toEqual([{ organization_id: ours.organizationId }]);
      await expect(
        asApp.query(
          "INSERT INTO clients (organization_id, branch_id, kind, name_enc, version) VALUES ($1, gen_random_uuid(), 'company', '\\x00', 1)",
          [theirs.organizationId],
        ),
      ).rejects.toThrow(/row-level security/);
      const moved = await asApp.query('UPDATE clients SET kind = kind WHERE id = $1', [theirClient]);
      expect(moved.rowCount).toBe(0);
    } finally {
      await asApp.query("SELECT set_config('steward.tenant_id', '', false)");
    }
  });

  /** The defect: a lookup by id alone, without `organization_id`. */
  const forgetTenantFilter = (repository: ClientsRepository) => {
    const original = repository.find;
    const typeorm = repository as unknown as { clients(tx?: unknown): { findOne(query: object): Promise<never> } };
    repository.find = (_organizationId, id, tx) => typeorm.clients(tx).findOne({ where: { id } });
    return () => {
      repository.find = original;
    };
  };

  it('should return nothing of another organization from a repository that forgot its tenant filter', async () => {
    const restore = forgetTenantFilter(app.app.get(ClientsRepository));
    try {
      await app.http().get(`/api/v1/clients/${theirClient}`).set('authorization', ourOwner).expect(404);
    } finally {
      restore();
    }
    // The same defect where the wall is absent (the app connected as the owner) leaks: the test can fail.
    const unwalled = await createTestApp({
      db: app.db,
      env: { DATABASE_URL: app.db.url, MASTER_KEY: app.api.settings.masterKey },
    });
    try {
      forgetTenantFilter(unwalled.app.get(ClientsRepository));
      const bearer = await bearerFor(unwalled, ours.users.owner.email);
      const leaked = await unwalled.http().get(`/api/v1/clients/${theirClient}`).set('authorization', bearer);
      expect(leaked.status).toBe(200);
      expect(leaked.body.name).toBe('Theirs Ltd');
    } finally {
      await unwalled.app.close();
    }
  });

  it("should run a job done for one organization behind that organization's wall", async () => {
    const seen: Record<string, string[]> = {};
    const dataSource = app.app.get(DataSource);
    await app.app.get(JobsService).register<{ organizationId: string | null; probe: string }>({
      name: 'test.rls-probe',
      handle: async ({ probe }) => {
        const rows: { organization_id: string }[] = await dataSource.query('SELECT organization_id FROM clients');
        seen[probe] = rows.map((row) => row.organization_id).sort();
      },
    });
    const jobs = app.app.get(JobsService);
    await jobs.enqueueNow('test.rls-probe', { organizationId: ours.organizationId, probe: 'ours' });
    await jobs.enqueueNow('test.rls-probe', { organizationId: null, probe: 'platform' });
    await waitFor(async () => Object.keys(seen).length === 2, 30_000);
    expect(seen.ours).toEqual([ours.organizationId]);
    expect(seen.platform).toEqual([ours.organizationId, theirs.organizationId].sort());
  });

  it('should wall every table that holds organizations’ rows, with policies free of subqueries', async () => {
    const tables = await app.db.query<{ table: string; org: boolean; rls: boolean }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls,
              EXISTS (SELECT 1 FROM information_schema.columns k
                       WHERE k.table_schema = 'public' AND k.table_name = c.relname AND k.column_name = 'organization_id') AS org
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    const withOrganization = tables.filter((t) => t.org).map((t) => t.table);
    expect(withOrganization.sort()).toEqual([...TENANT_TABLES, ...SHARED_TABLES].sort());
    expect(
      tables
        .filter((t) => !t.org)
        .map((t) => t.table)
        .sort(),
    ).toEqual(Object.keys(PLATFORM_TABLES).sort());
    const unwalled = tables.filter((t) => (t.org || t.table === 'organizations') && !t.rls).map((t) => t.table);
    expect(unwalled).toEqual([]);
    const policies = await app.db.query<{ table: string; qual: string; check: string | null }>(
      "SELECT tablename AS table, qual, with_check AS check FROM pg_policies WHERE schemaname = 'public'",
    );
    expect(policies.map((p) => p.table).sort()).toEqual([...TENANT_TABLES, ...SHARED_TABLES, 'organizations'].sort());
    expect(policies.filter((p) => /select/i.test(`${p.qual} ${p.check ?? ''}`))).toEqual([]);
  });
});
