import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';

describe('API keys', () => {
  let app: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let admin: string;
  // Starts at the real "now": the database stamps some columns itself.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    app = await createTestApp({ clock });
    org = await createOrganization(app, ['owner', 'admin', 'manager']);
    other = await createOrganization(app, ['owner']);
    admin = await bearerFor(app, org.users.admin.email);
  });
  afterAll(() => app.close());

  const create = (token: string, body: object) =>
    app.http().post('/api/v1/api-keys').set('authorization', token).send(body);
  const withKey = (key: string) => ({
    get: (path: string) => app.http().get(`/api/v1${path}`).set('x-api-key', key),
    post: (path: string, body: object) => app.http().post(`/api/v1${path}`).set('x-api-key', key).send(body),
  });

  it('should show the secret once, store only its hash, and work on routes its scopes allow', async () => {
    const created = await create(admin, {
      name: 'Accounting sync',
      scopes: ['branches:read', 'organization:read'],
    }).expect(201);
    const { secret, apiKey } = created.body;
    expect(secret).toMatch(/^stw_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const list = await app.http().get('/api/v1/api-keys').set('authorization', admin).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(15));
    const [row] = await app.db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_keys WHERE id = $1', [
      apiKey.id,
    ]);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const key = withKey(secret);
    expect((await key.get('/branches').expect(200)).body).toEqual({ items: [] });
    expect((await key.get('/organization').expect(200)).body.id).toBe(org.organizationId);
    expectProblem(await key.post('/branches', { name: 'York' }), 403, 'forbidden');
    // Keys are not people: no profile, no sessions, no managing keys.
    expectProblem(await key.get('/auth/me'), 403, 'forbidden');
    expectProblem(await key.get('/api-keys'), 403, 'forbidden');

    const used = await app.db.query<{ last_used_at: Date; last_used_ip: string }>(
      'SELECT last_used_at, last_used_ip FROM api_keys WHERE id = $1',
      [apiKey.id],
    );
    expect(used[0].last_used_at).toBeInstanceOf(Date);
    expect(used[0].last_used_ip).toMatch(/127\.0\.0\.1/);
  });

  it('should take a key as Authorization: Bearer stw_… too, and name both schemes on 401', async () => {
    const { secret } = (
      await create(admin, { name: 'Bearer client', scopes: ['branches:read', 'branches:write'] }).expect(201)
    ).body;
    const bearer = (path: string) => app.http().get(`/api/v1${path}`).set('authorization', `Bearer ${secret}`);
    expect((await bearer('/branches').expect(200)).body).toEqual({ items: expect.any(Array) });
    expectProblem(await bearer('/api-keys'), 403, 'forbidden');

    const refused = await app
      .http()
      .get('/api/v1/branches')
      .set('authorization', `Bearer ${secret.slice(0, -1)}x`);
    expectProblem(refused, 401, 'unauthenticated');
    expect(refused.headers['www-authenticate']).toContain('Bearer realm="Steward CRM"');
    expect(refused.headers['www-authenticate']).toContain('header="X-API-Key"');
    const anonymous = await app.http().get('/api/v1/branches');
    expect(anonymous.headers['www-authenticate']).toContain('ApiKey');

    // A created resource says where it lives.
    const created = await app
      .http()
      .post('/api/v1/branches')
      .set('authorization', `Bearer ${secret}`)
      .send({ name: `Located ${Date.now()}` })
      .expect(201);
    expect(created.headers.location).toBe(`/api/v1/branches/${created.body.id}`);
    const client = await app
      .http()
      .post('/api/v1/clients')
      .set('authorization', admin)
      .send({ kind: 'company', name: 'Located Ltd', branchId: created.body.id })
      .expect(201);
    expect(client.headers.location).toBe(`/api/v1/clients/${client.body.id}`);
    await app.http().get(client.headers.location).set('authorization', admin).expect(200);
  });

  it('should refuse unknown, malformed, revoked and expired keys alike', async () => {
    const { secret, apiKey } = (await create(admin, { name: 'Short-lived', scopes: ['branches:read'] }).expect(201))
      .body;
    expectProblem(await withKey(`${secret.slice(0, -1)}x`).get('/branches'), 401, 'unauthenticated');
    expectProblem(await withKey('not a key').get('/branches'), 401, 'unauthenticated');

    await app.http().delete(`/api/v1/api-keys/${apiKey.id}`).set('authorization', admin).expect(204);
    expectProblem(await withKey(secret).get('/branches'), 401, 'unauthenticated');

    const expiring = (
      await create(admin, {
        name: 'Expiring',
        scopes: ['branches:read'],
        expiresAt: new Date(clock.nowMs() + 3_600_000).toISOString(),
      }).expect(201)
    ).body;
    clock.advance(3_600_000 - 1_000);
    await withKey(expiring.secret).get('/branches').expect(200);
    clock.advance(1_000);
    expectProblem(await withKey(expiring.secret).get('/branches'), 401, 'unauthenticated');
  });

  it('should only let administrators create keys, and only with scopes they hold', async () => {
    const manager = await bearerFor(app, org.users.manager.email);
    expectProblem(await create(manager, { name: 'Mine', scopes: ['branches:read'] }), 403, 'forbidden');
    const bad = await create(admin, { name: 'Too much', scopes: ['api-keys:manage', 'everything:write'] });
    expectProblem(bad, 400, 'validation-failed');
    expectProblem(
      await create(admin, { name: 'Past', scopes: ['branches:read'], expiresAt: '2020-01-01T00:00:00Z' }),
      400,
      'validation-failed',
    );
    expectProblem(await create(admin, { name: '', scopes: [] }), 400, 'validation-failed');
  });

  it("should keep each organization's keys to itself", async () => {
    const theirs = (
      await create(await bearerFor(app, other.users.owner.email), {
        name: 'Theirs',
        scopes: ['organization:read'],
      }).expect(201)
    ).body;
    expectProblem(
      await app.http().delete(`/api/v1/api-keys/${theirs.apiKey.id}`).set('authorization', admin),
      404,
      'not-found',
    );
    const mine = await app.http().get('/api/v1/api-keys').set('authorization', admin);
    expect(mine.body.items.map((key: { name: string }) => key.name)).not.toContain('Theirs');
    // Their key sees their organization, never ours.
    expect((await withKey(theirs.secret).get('/organization').expect(200)).body.id).toBe(other.organizationId);
  });
});
