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

  /** Creates a resource in our organization and answers its id (or every path parameter), per route path. */
  const recipes: Record<string, () => Promise<string | Record<string, string>>> = {
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
  /** Table and id of every row the recipes made, checked untouched at the end. */
  const created: Array<[string, string]> = [];
  const ours$ = (path: string, body: object) =>
    app
      .http()
      .post(path)
      .set('authorization', ourOwner)
      .send(body)
      .then((response) => {
        if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`);
        created.push([path.split('/').pop() as string, response.body.id]);
        return response.body.id as string;
      });
  let branchId = '';
  const ourClient = async () => {
    branchId ||= await ours$('/api/v1/branches', { name: `CRM ${Math.random()}` });
    return ours$('/api/v1/clients', { kind: 'company', name: 'Ours Ltd', branchId });
  };
  const ourContact = async () => ours$('/api/v1/contacts', { clientId: await ourClient(), fullName: 'Our Person' });
  const ourList = () => ours$('/api/v1/contact-lists', { name: `List ${Math.random()}`, kind: 'static' });
  for (const path of ['/api/v1/clients/:id', '/api/v1/clients/:id/activity']) recipes[path] = ourClient;
  for (const path of ['/api/v1/contacts/:id', '/api/v1/contacts/:id/activity']) recipes[path] = ourContact;
  for (const path of ['/api/v1/contact-lists/:id', '/api/v1/contact-lists/:id/members']) recipes[path] = ourList;
  recipes['/api/v1/contact-lists/:id/members/:contactId'] = async () => {
    const [id, contactId] = [await ourList(), await ourContact()];
    await app
      .http()
      .post(`/api/v1/contact-lists/${id}/members`)
      .set('authorization', ourOwner)
      .send({ contactIds: [contactId] });
    return { id, contactId };
  };
  const ourBranch = () => ours$('/api/v1/branches', { name: `B ${Math.random()}` });
  /** A branch-scoped policy on a fresh branch, so repeated calls never overlap. */
  const ourTaxPolicyIn = (branchId: string) =>
    ours$('/api/v1/tax-policies', {
      name: 'Ours',
      branchId,
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2000-01-01',
    });
  const ourInvoice = async () => {
    const branch = await ourBranch();
    await ourTaxPolicyIn(branch);
    const client = await ours$('/api/v1/clients', { kind: 'company', name: 'Ours Ltd', branchId: branch });
    return ours$('/api/v1/invoices', {
      clientId: client,
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: 1, unitPriceMinor: 1000, taxCode: 'STD' }],
    });
  };
  for (const path of ['/api/v1/tax-policies/:id', '/api/v1/tax-policies/:id/activity']) {
    recipes[path] = async () => ourTaxPolicyIn(await ourBranch());
  }
  for (const path of [
    '/api/v1/invoices/:id',
    '/api/v1/invoices/:id/issue',
    '/api/v1/invoices/:id/void',
    '/api/v1/invoices/:id/activity',
    '/api/v1/invoices/:id/payments',
  ]) {
    recipes[path] = ourInvoice;
  }
  const ourJob = async () => ours$('/api/v1/jobs', { clientId: await ourClient(), title: 'Our job' });
  for (const path of ['/api/v1/jobs/:id', '/api/v1/jobs/:id/status', '/api/v1/jobs/:id/activity'])
    recipes[path] = ourJob;
  const ourScheduleEntry = async () => {
    const entry = await ours$('/api/v1/schedule', {
      kind: 'appointment',
      clientId: await ourClient(),
      assigneeId: ours.users.owner.id,
      startsAt: '2030-05-31T09:00:00Z',
      endsAt: '2030-05-31T10:00:00Z',
      title: 'Ours',
      allowDoubleBooking: true,
    });
    // The table is schedule_entries, not the path's last segment.
    created[created.length - 1][0] = 'schedule_entries';
    return entry;
  };
  for (const path of ['/api/v1/schedule/:id', '/api/v1/schedule/:id/activity']) recipes[path] = ourScheduleEntry;
  recipes['/api/v1/communications/:id'] = async () =>
    ours$('/api/v1/communications', { clientId: await ourClient(), kind: 'note', direction: 'internal', body: 'ours' });
  // Positions are per organization: the newest of ours is beyond the end of theirs.
  recipes['/api/v1/audit/entries/:seq'] = async () => {
    const [{ seq }] = await app.db.query<{ seq: string }>(
      'SELECT max(seq)::text AS seq FROM audit_entries WHERE organization_id = $1',
      [ours.organizationId],
    );
    return { seq };
  };
  /** A body that passes validation, so the answer is about the id; per route, else per method. */
  const bodies: Record<string, object> = {
    PATCH: { name: 'Taken over', version: 1 },
    'PATCH /api/v1/users/:id': { role: 'admin', version: 1 },
    'PATCH /api/v1/clients/:id': { name: 'Taken over', version: 1 },
    'PATCH /api/v1/contacts/:id': { fullName: 'Taken over', version: 1 },
    'PATCH /api/v1/communications/:id': { body: 'Taken over', version: 1 },
    'POST /api/v1/contact-lists/:id/members': { contactIds: ['00000000-0000-4000-8000-000000000000'] },
    'PATCH /api/v1/jobs/:id': { title: 'Taken over', version: 1 },
    'POST /api/v1/jobs/:id/status': { status: 'cancelled', version: 1 },
    'PATCH /api/v1/schedule/:id': { title: 'Taken over', version: 1 },
    'PATCH /api/v1/invoices/:id': { version: 1, currency: 'EUR' },
    'POST /api/v1/invoices/:id/issue': { version: 1 },
    'POST /api/v1/invoices/:id/void': { version: 1 },
    'POST /api/v1/invoices/:id/payments': { amountMinor: 100, paidOn: '2026-01-15', method: 'cash' },
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
          .filter((route) => /\/:\w+/.test(route.path))
          .map((r) => r.path),
      ),
    ];
    expect(withIds.filter((path) => !recipes[path])).toEqual([]);
  });

  it('should answer 404 to another organization for every id route, and leave the row alone', async () => {
    const outcomes: string[] = [];
    for (const route of describeRoutes(app.app).filter((r) => /\/:\w+/.test(r.path))) {
      const recipe = recipes[route.path];
      if (!recipe) continue;
      const made = await recipe();
      const params = typeof made === 'string' ? { id: made } : made;
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name]);
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
    for (const [table, id] of created) {
      const rows = await app.db.query<{ version: number }>(
        `SELECT version FROM ${table.replace('-', '_')} WHERE organization_id = $1 AND id = $2`,
        [ours.organizationId, id],
      );
      expect({ table, rows }).toEqual({ table, rows: [{ version: 1 }] });
    }
    expect(created.length).toBeGreaterThan(10);
    await app.http().get('/api/v1/auth/me').set('authorization', ourOwner).expect(200);
  });
});
