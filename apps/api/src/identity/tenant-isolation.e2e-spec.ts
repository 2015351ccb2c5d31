import { bearerFor, createOrganization, createTestApp, type TestApp, type TestOrganization } from '#testing';
import { describeRoutes } from './access-matrix.js';

/**
 * Every route that takes an id, called by another organization's owner with an id that
 * exists in ours, must answer 404 and change nothing. A new `:id` route without a recipe
 * here fails the sweep, so isolation is checked as routes are added.
 */
describe('tenant isolation sweep', () => {
  let app: TestApp;
  let ours: TestOrganization;
  let theirs: TestOrganization;
  let ourOwner: string;
  let theirOwner: string;

  /** Creates a resource in our organization and answers its id, per route path. */
  const recipes: Record<string, () => Promise<string>> = {
    '/api/v1/branches/:id': async () =>
      (
        await app
          .http()
          .post('/api/v1/branches')
          .set('authorization', ourOwner)
          .send({ name: `B ${Math.random()}` })
      ).body.id,
    '/api/v1/api-keys/:id': async () =>
      (
        await app
          .http()
          .post('/api/v1/api-keys')
          .set('authorization', ourOwner)
          .send({ name: 'Ours', scopes: ['branches:read'] })
      ).body.apiKey.id,
    '/api/v1/auth/sessions/:id': async () => {
      await bearerFor(app, ours.users.owner.email);
      const [row] = await app.db.query<{ family_id: string }>(
        'SELECT family_id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL LIMIT 1',
        [ours.users.owner.id],
      );
      return row.family_id;
    },
  };
  const invitedColleague = async () =>
    (
      await app
        .http()
        .post('/api/v1/users/invitations')
        .set('authorization', ourOwner)
        .send({
          email: `colleague.${Math.random()}@example.test`,
          fullName: 'Cole League',
          role: 'viewer',
          branchIds: [],
        })
    ).body.id;
  for (const path of ['/api/v1/users/:id', '/api/v1/users/:id/disable', '/api/v1/users/:id/enable']) {
    recipes[path] = invitedColleague;
  }
  recipes['/api/v1/users/:id/invitation'] = invitedColleague;
  /** A body that passes validation, so the answer is about the id; per route, else per method. */
  const bodies: Record<string, object> = {
    PATCH: { name: 'Taken over', version: 1 },
    'PATCH /api/v1/users/:id': { role: 'admin', version: 1 },
  };

  beforeAll(async () => {
    app = await createTestApp();
    ours = await createOrganization(app, ['owner']);
    theirs = await createOrganization(app, ['owner']);
    ourOwner = await bearerFor(app, ours.users.owner.email);
    theirOwner = await bearerFor(app, theirs.users.owner.email);
  });
  afterAll(() => app.close());

  it('should have a recipe for every route that takes an id', () => {
    const withIds = [
      ...new Set(
        describeRoutes(app.app)
          .filter((route) => route.path.includes(':id'))
          .map((r) => r.path),
      ),
    ];
    expect(withIds.filter((path) => !recipes[path])).toEqual([]);
  });

  it('should answer 404 to another organization for every id route, and leave the row alone', async () => {
    const outcomes: string[] = [];
    for (const route of describeRoutes(app.app).filter((r) => r.path.includes(':id'))) {
      const recipe = recipes[route.path];
      if (!recipe) continue;
      const id = await recipe();
      const path = route.path.replace(':id', id);
      const method = route.method.toLowerCase() as 'get' | 'patch' | 'delete' | 'post' | 'put';
      const response = await app
        .http()
        [method](path)
        .set('authorization', theirOwner)
        .send(bodies[`${route.method} ${route.path}`] ?? bodies[route.method] ?? {});
      outcomes.push(`${route.method} ${route.path} → ${response.status} ${response.body?.code ?? ''}`.trim());
    }
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of outcomes) expect(outcome).toMatch(/→ 404 not-found$/);
    // Nothing of ours changed.
    const changed = await app.db.query<{ what: string; n: number }>(
      `SELECT 'renamed branches' AS what, count(*)::int AS n FROM branches WHERE organization_id = $1 AND name = 'Taken over'
       UNION ALL SELECT 'revoked keys', count(*)::int FROM api_keys WHERE organization_id = $1 AND revoked_at IS NOT NULL
       UNION ALL SELECT 'revoked sessions', count(*)::int FROM sessions WHERE organization_id = $1 AND revoked_at IS NOT NULL
       UNION ALL SELECT 'changed people', count(*)::int FROM users WHERE organization_id = $1 AND (role <> 'viewer' AND role <> 'owner' OR state = 'disabled')`,
      [ours.organizationId],
    );
    expect(changed).toEqual([
      { what: 'renamed branches', n: 0 },
      { what: 'revoked keys', n: 0 },
      { what: 'revoked sessions', n: 0 },
      { what: 'changed people', n: 0 },
    ]);
    // Every invitation of ours is still there (none was withdrawn by the other organization).
    const [{ invited }] = await app.db.query<{ invited: number }>(
      "SELECT count(*)::int AS invited FROM users WHERE organization_id = $1 AND state = 'invited'",
      [ours.organizationId],
    );
    expect(invited).toBe(6);
    await app.http().get('/api/v1/auth/me').set('authorization', ourOwner).expect(200);
  });
});
