import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  runRetentionRule,
  type TestApp,
  TestClock,
  type TestOrganization,
  waitFor,
} from '#testing';
import { withTenantScope } from '../../database/tenant-scope.js';
import { IDEMPOTENCY_LEASE_MS, IdempotencyService } from './idempotency.service.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const HOUR_MS = 3_600_000;

describe('Idempotency-Key', () => {
  let app: TestApp;
  let ours: TestOrganization;
  let theirs: TestOrganization;
  let admin: string;
  let owner: string;
  let theirOwner: string;
  let key: { id: string; secret: string };
  let branchId: string;
  // Starts at the real "now": the database stamps some columns itself.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    app = await createTestApp({ clock });
    ours = await createOrganization(app, ['owner', 'admin']);
    theirs = await createOrganization(app, ['owner']);
    admin = await bearerFor(app, ours.users.admin.email);
    owner = await bearerFor(app, ours.users.owner.email);
    theirOwner = await bearerFor(app, theirs.users.owner.email);
    const created = await app
      .http()
      .post('/api/v1/api-keys')
      .set('authorization', admin)
      .send({ name: 'Sync', scopes: ['clients:read', 'clients:write', 'branches:read', 'branches:write'] })
      .expect(201);
    key = { id: created.body.apiKey.id, secret: created.body.secret };
    branchId = (
      await app.http().post('/api/v1/branches').set('x-api-key', key.secret).send({ name: 'Leeds' }).expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  const post = (path: string, idempotencyKey: string | undefined, body: object, credential = key.secret) => {
    const call = app.http().post(`/api/v1${path}`);
    if (credential.startsWith('Bearer ')) call.set('authorization', credential);
    else call.set('x-api-key', credential);
    if (idempotencyKey !== undefined) call.set('idempotency-key', idempotencyKey);
    return call.send(body);
  };
  const countClients = async () =>
    (
      await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM clients WHERE organization_id = $1', [
        ours.organizationId,
      ])
    )[0].n;
  const rowsOf = (organizationId: string) =>
    app.db.query<{ principal_kind: string; principal_id: string; lease_until: Date | null; completed_at: Date | null }>(
      'SELECT principal_kind, principal_id, lease_until, completed_at FROM idempotency_keys WHERE organization_id = $1',
      [organizationId],
    );

  it('should answer a retry with the first answer (status, body, Location), marked as a replay, and do the work once', async () => {
    const idempotencyKey = randomUUID();
    const body = { kind: 'company', name: 'Riverside Dental', branchId, tags: ['dental'] };
    const before = await countClients();
    const first = await post('/clients', idempotencyKey, body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.headers.location).toBe(`/api/v1/clients/${first.body.id}`);

    const again = await post('/clients', idempotencyKey, body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.body).toEqual(first.body);
    // The same JSON with its fields in another order is the same request.
    const reordered = await post('/clients', idempotencyKey, {
      tags: ['dental'],
      branchId,
      name: 'Riverside Dental',
      kind: 'company',
    });
    expect(reordered.status).toBe(201);
    expect(reordered.body.id).toBe(first.body.id);
    expect(await countClients()).toBe(before + 1);

    // Without a key, the same request is a new one.
    const unkeyed = await post('/clients', undefined, body).expect(201);
    expect(unkeyed.body.id).not.toBe(first.body.id);
  });

  it('should refuse the key with another method, path or body (422), and keep the first answer', async () => {
    const idempotencyKey = randomUUID();
    const first = await post('/clients', idempotencyKey, { kind: 'company', name: 'Harbor Vets', branchId }).expect(
      201,
    );
    expectProblem(
      await post('/clients', idempotencyKey, { kind: 'company', name: 'Another name', branchId }),
      422,
      'idempotency-key-reused',
    );
    expectProblem(await post('/branches', idempotencyKey, { name: 'Harbor Vets' }), 422, 'idempotency-key-reused');
    const replay = await post('/clients', idempotencyKey, { kind: 'company', name: 'Harbor Vets', branchId }).expect(
      201,
    );
    expect(replay.body.id).toBe(first.body.id);
  });

  it('should store only 2xx answers: an error frees the key for a retry that runs again', async () => {
    const idempotencyKey = randomUUID();
    const refused = await post('/clients', idempotencyKey, { kind: 'company', branchId });
    expectProblem(refused, 400, 'validation-failed');
    // The same (still bad) request runs again rather than replaying a stored error.
    expectProblem(await post('/clients', idempotencyKey, { kind: 'company', branchId }), 400, 'validation-failed');
    expect((await rowsOf(ours.organizationId)).length).toBeGreaterThan(0);
    const fixed = await post('/clients', idempotencyKey, { kind: 'company', name: 'Fixed Ltd', branchId }).expect(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('should refuse a key that is not 1–255 visible ASCII characters with a 400 naming the header', async () => {
    const body = { name: 'Never made' };
    // 'a, b': what a header sent twice reaches the API as.
    for (const bad of ['', 'with space', 'x'.repeat(256), 'caf\u00e9', 'a, b']) {
      const response = await post('/branches', bad, body);
      expectProblem(response, 400, 'validation-failed');
      expect(response.body.errors).toEqual([
        { field: 'Idempotency-Key', message: expect.stringContaining('Idempotency-Key') },
      ]);
    }
    expect(await app.db.query("SELECT 1 FROM branches WHERE name = 'Never made'")).toEqual([]);
    // The longest and the oddest allowed keys work.
    await post('/branches', 'k'.repeat(255), { name: 'Longest key' }).expect(201);
    await post('/branches', '!~{}"\\', { name: 'Odd key' }).expect(201);
  });

  it('should keep keys per principal: another user or key sending the same key makes a request of its own', async () => {
    const idempotencyKey = randomUUID();
    const body = { kind: 'company', name: 'Per Principal Ltd', branchId };
    const byKey = await post('/clients', idempotencyKey, body).expect(201);
    const byAdmin = await post('/clients', idempotencyKey, body, admin).expect(201);
    expect(byAdmin.headers['idempotent-replayed']).toBeUndefined();
    const byOwner = await post('/clients', idempotencyKey, body, owner).expect(201);
    expect(byOwner.headers['idempotent-replayed']).toBeUndefined();
    expect(new Set([byKey.body.id, byAdmin.body.id, byOwner.body.id]).size).toBe(3);
    // Each replays its own first answer.
    expect((await post('/clients', idempotencyKey, body, admin).expect(201)).body.id).toBe(byAdmin.body.id);
    expect((await post('/clients', idempotencyKey, body).expect(201)).body.id).toBe(byKey.body.id);
    const principals = (await rowsOf(ours.organizationId)).map((row) => `${row.principal_kind}:${row.principal_id}`);
    expect(principals).toEqual(
      expect.arrayContaining([`api_key:${key.id}`, `user:${ours.users.admin.id}`, `user:${ours.users.owner.id}`]),
    );
  });

  it("should keep another organization's keys apart: the same key and body there is a new request", async () => {
    const idempotencyKey = randomUUID();
    const body = { name: 'Shared name' };
    const mine = await post('/branches', idempotencyKey, body, owner).expect(201);
    const theirsAnswer = await post('/branches', idempotencyKey, body, theirOwner).expect(201);
    expect(theirsAnswer.headers['idempotent-replayed']).toBeUndefined();
    expect(theirsAnswer.body.id).not.toBe(mine.body.id);
    const [theirRow] = await rowsOf(theirs.organizationId);
    expect(theirRow).toMatchObject({ principal_kind: 'user', principal_id: theirs.users.owner.id });
  });

  (onServer ? it : it.skip)("should show an organization none of another's keys under row-level security", async () => {
    const asApp = new pg.Client({ connectionString: app.db.appUrl });
    await asApp.connect();
    try {
      expect((await asApp.query('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0].n).toBe(0);
      await asApp.query("SELECT set_config('steward.tenant_id', $1, false)", [theirs.organizationId]);
      const seen = (await asApp.query('SELECT DISTINCT organization_id FROM idempotency_keys')).rows;
      expect(seen).toEqual([{ organization_id: theirs.organizationId }]);
    } finally {
      await asApp.end();
    }
  });

  (onServer ? it : it.skip)(
    'should answer 409 with Retry-After while the first request with the key is still running',
    async () => {
      const idempotencyKey = randomUUID();
      const body = { kind: 'company', name: 'Slow Start Ltd', branchId };
      // Holds back every new client: the first request waits at its INSERT, its claim in flight.
      const blocker = new pg.Client({ connectionString: app.db.url });
      await blocker.connect();
      let first: Promise<{ status: number; body: { id: string } }> | undefined;
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE clients IN EXCLUSIVE MODE');
        first = post('/clients', idempotencyKey, body).then((response) => response);
        await waitFor(async () => {
          const rows = await app.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM idempotency_keys WHERE lease_until IS NOT NULL AND organization_id = $1',
            [ours.organizationId],
          );
          return rows[0].n > 0;
        }, 10_000);
        const meanwhile = await post('/clients', idempotencyKey, body);
        expectProblem(meanwhile, 409, 'idempotency-key-in-use');
        expect(meanwhile.headers['retry-after']).toBe('1');
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
      const answered = await first;
      expect(answered?.status).toBe(201);
      const replay = await post('/clients', idempotencyKey, body).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(answered?.body.id);
    },
  );

  it('should let a retry run once the claim of a request that died has outlived its lease', async () => {
    const idempotencyKey = randomUUID();
    const body = { name: `Lease ${idempotencyKey.slice(0, 8)}` };
    // A request claimed the key and its process was killed: the claim stays, never completed.
    const actor = { kind: 'api_key' as const, id: key.id, organizationId: ours.organizationId };
    const decision = await withTenantScope(ours.organizationId, () =>
      app.app.get(IdempotencyService).begin(actor, idempotencyKey, { method: 'POST', path: '/api/v1/branches', body }),
    );
    expect(decision.kind).toBe('run');

    const early = await post('/branches', idempotencyKey, body);
    expectProblem(early, 409, 'idempotency-key-in-use');
    clock.advance(IDEMPOTENCY_LEASE_MS - 1_000);
    expectProblem(await post('/branches', idempotencyKey, body), 409, 'idempotency-key-in-use');
    clock.advance(2_000);
    const retried = await post('/branches', idempotencyKey, body).expect(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    const replay = await post('/branches', idempotencyKey, body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(retried.body.id);
  });

  it('should seal stored answers: a one-time secret is replayed but not readable in the table', async () => {
    const idempotencyKey = `api-key-${randomUUID()}`;
    const body = { name: 'Warehouse integration', scopes: ['branches:read'] };
    const first = await post('/api-keys', idempotencyKey, body, admin).expect(201);
    const { secret } = first.body as { secret: string };
    const replay = await post('/api-keys', idempotencyKey, body, admin).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.secret).toBe(secret);
    expect(replay.headers.location).toBe(first.headers.location);

    // Read as the tables' owner: no column holds the secret, the key name or the key itself.
    const rows = await app.db.query<{ row: string }>('SELECT t::text AS row FROM idempotency_keys t');
    const raw = rows.map((row) => row.row).join('\n');
    for (const plain of [secret, secret.slice(15), 'Warehouse integration', idempotencyKey]) {
      expect(raw).not.toContain(plain);
      expect(raw).not.toContain(Buffer.from(plain).toString('hex'));
    }
    const [stored] = await app.db.query<{ response_sealed: Buffer; key_digest: Buffer }>(
      `SELECT response_sealed, key_digest FROM idempotency_keys
        WHERE principal_id = $1 AND completed_at IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      [ours.users.admin.id],
    );
    expect(stored.response_sealed[0]).toBe(1); // the sealed layout's version byte
    expect(stored.response_sealed.includes(Buffer.from(secret))).toBe(false);
    expect(stored.key_digest).toHaveLength(32);
  });

  it('should replay for the configured hours only, and purge the stored answers after them', async () => {
    const idempotencyKey = randomUUID();
    const body = { name: `Day old ${idempotencyKey.slice(0, 8)}` };
    const first = await post('/branches', idempotencyKey, body).expect(201);
    clock.advance(23 * HOUR_MS);
    expect((await post('/branches', idempotencyKey, body).expect(201)).headers['idempotent-replayed']).toBe('true');

    clock.advance(HOUR_MS + 60_000);
    // Past 24 hours the key is free, even before the purge has run: this is a new request.
    const later = await post('/branches', idempotencyKey, { name: `${body.name} again` }).expect(201);
    expect(later.body.id).not.toBe(first.body.id);

    const purgedAt = new Date(clock.now().getTime() + 25 * HOUR_MS);
    const stale = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM idempotency_keys WHERE created_at < $1',
      [new Date(purgedAt.getTime() - 24 * HOUR_MS)],
    );
    expect(stale[0].n).toBeGreaterThan(0);
    const purged = await runRetentionRule(app, 'idempotency-keys', purgedAt);
    expect(purged).toBe(stale[0].n);
    expect((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys'))[0].n).toBe(0);
  });

  it('should not store anything for anonymous POSTs such as sign-in, whatever key they carry', async () => {
    const before = (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys'))[0].n;
    const idempotencyKey = randomUUID();
    const signIn = () =>
      app
        .http()
        .post('/api/v1/auth/sign-in')
        .set('idempotency-key', idempotencyKey)
        .send({ email: ours.users.owner.email, password: 'a perfectly long test passphrase' });
    const one = await signIn().expect(200);
    const two = await signIn().expect(200);
    expect(two.headers['idempotent-replayed']).toBeUndefined();
    expect(two.body.accessToken).not.toBe(one.body.accessToken);
    expect((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys'))[0].n).toBe(before);
    const malformed = await app
      .http()
      .post('/api/v1/auth/sign-in')
      .set('idempotency-key', 'not valid')
      .send({ email: ours.users.owner.email, password: 'a perfectly long test passphrase' });
    expectProblem(malformed, 400, 'validation-failed');
  });
});
