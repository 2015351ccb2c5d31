import { bearerFor, createOrganization, createTestApp, type TestApp, type TestOrganization } from '#testing';
import { describeRoutes } from './access-matrix.js';

/**
 * Every route that takes an id, called by another organization's owner with an id that
 * exists in ours, must answer 404 and change nothing. A new `:id` route without a recipe
 * here fails the sweep, so isolation is checked as routes are added.
 */
/** Path parameters that name no record: a document's name, a public handle, a version number. */
const NOT_IDS = ['document', 'slug', 'number', 'key'];
const takesIds = (path: string): boolean =>
  (path.match(/:(\w+)/g) ?? []).some((parameter) => !NOT_IDS.includes(parameter.slice(1)));
/** The one route that names an organization itself: the operator's billing integration. */
const OPERATOR_ROUTE = '/api/v1/operator/organizations/:organizationId/subscription';
const PROCESSOR = {
  name: 'Hosting Co',
  purpose: 'Hosting',
  dataCategories: ['Contact details'],
  location: 'Ireland',
  safeguard: 'Within the EEA',
  dpaDate: null,
};

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
  for (const path of [
    '/api/v1/clients/:id',
    '/api/v1/clients/:id/activity',
    '/api/v1/clients/:id/balance',
    '/api/v1/clients/:id/restriction',
  ])
    recipes[path] = ourClient;
  for (const path of ['/api/v1/contacts/:id', '/api/v1/contacts/:id/activity', '/api/v1/contacts/:id/restriction'])
    recipes[path] = ourContact;
  for (const path of ['/api/v1/contacts/:contactId/consents', '/api/v1/contacts/:contactId/consents/receipt']) {
    recipes[path] = async () => ({ contactId: await ourContact() });
  }
  const ourPurpose = () =>
    ours$('/api/v1/consent-purposes', {
      key: `p-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Ours',
      channel: 'email',
      marketing: true,
      wording: 'Our own consent wording.',
    });
  for (const path of ['/api/v1/consent-purposes/:id', '/api/v1/consent-purposes/:id/archive'])
    recipes[path] = ourPurpose;
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
  recipes['/api/v1/privacy/documents/:document/processors/:id'] = async () => ({
    document: 'notice',
    id: (
      await app
        .http()
        .post('/api/v1/privacy/documents/notice/processors')
        .set('authorization', ourOwner)
        .send(PROCESSOR)
        .expect(201)
    ).body.id,
  });
  for (const path of ['/api/v1/tax-policies/:id', '/api/v1/tax-policies/:id/activity']) {
    recipes[path] = async () => ourTaxPolicyIn(await ourBranch());
  }
  for (const path of [
    '/api/v1/invoices/:id',
    '/api/v1/invoices/:id/issue',
    '/api/v1/invoices/:id/void',
    '/api/v1/invoices/:id/activity',
    '/api/v1/invoices/:id/payments',
    '/api/v1/invoices/:id/pdf',
    '/api/v1/invoices/:id/send',
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
  const ourPrivacyRequest = () =>
    ours$('/api/v1/privacy-requests', {
      type: 'access',
      channel: 'email',
      email: `ours.${Math.random()}@example.test`,
      fullName: 'Our Requester',
      identityCheck: 'Replied from the address on file',
    });
  for (const action of [
    '',
    '/assign',
    '/matches',
    '/extend',
    '/start',
    '/await-requester',
    '/complete',
    '/reject',
    '/corrections',
    '/cancel',
  ]) {
    recipes[`/api/v1/privacy-requests/:id${action}`] = ourPrivacyRequest;
  }
  for (const path of ['/api/v1/me/privacy-requests/:id', '/api/v1/me/privacy-requests/:id/cancel']) {
    recipes[path] = () => ours$('/api/v1/me/privacy-requests', { type: 'inquiry' });
  }
  // Positions are per organization: the newest of ours is beyond the end of theirs.
  recipes['/api/v1/audit/entries/:seq'] = async () => {
    const [{ seq }] = await app.db.query<{ seq: string }>(
      'SELECT max(seq)::text AS seq FROM audit_entries WHERE organization_id = $1',
      [ours.organizationId],
    );
    return { seq };
  };
  /** A disabled endpoint: its deliveries are logged without leaving the machine. */
  const ourWebhookEndpoint = async () => {
    const response = await app
      .http()
      .post('/api/v1/webhooks/endpoints')
      .set('authorization', ourOwner)
      .send({ url: 'https://93.184.215.14/hooks', eventTypes: ['subject.erased'], enabled: false })
      .expect(201);
    created.push(['webhook_endpoints', response.body.endpoint.id]);
    return response.body.endpoint.id as string;
  };
  for (const path of [
    '/api/v1/webhooks/endpoints/:id',
    '/api/v1/webhooks/endpoints/:id/rotate-secret',
    '/api/v1/webhooks/endpoints/:id/test',
    '/api/v1/webhooks/endpoints/:id/deliveries',
  ]) {
    recipes[path] = ourWebhookEndpoint;
  }
  recipes['/api/v1/webhooks/deliveries/:deliveryId/retry'] = async () => {
    const id = await ourWebhookEndpoint();
    const sent = await app
      .http()
      .post(`/api/v1/webhooks/endpoints/${id}/test`)
      .set('authorization', ourOwner)
      .expect(202);
    return { deliveryId: sent.body.deliveryId };
  };
  // An access export of one of our contacts: ours to read, nobody else's (not the row of a versioned record).
  const ourExport = async () => {
    const subjectId = await ourContact();
    const response = await app
      .http()
      .post('/api/v1/data-exports')
      .set('authorization', ourOwner)
      .send({ subjectKind: 'contact', subjectId });
    if (response.status !== 201) throw new Error(`data export: ${response.status} ${response.text}`);
    return response.body.id as string;
  };
  for (const path of [
    '/api/v1/data-exports/:id',
    '/api/v1/data-exports/:id/download',
    '/api/v1/me/data-exports/:id',
    '/api/v1/me/data-exports/:id/download',
  ])
    recipes[path] = ourExport;
  // A legal hold on our organization and a run of ours on demand.
  const ourHold = async () =>
    (
      await app
        .http()
        .post('/api/v1/legal-holds')
        .set('authorization', ourOwner)
        .send({ scope: 'organization', reason: 'Matter of ours' })
        .expect(201)
    ).body.id as string;
  recipes['/api/v1/legal-holds/:id'] = ourHold;
  recipes['/api/v1/legal-holds/:id/release'] = ourHold;
  recipes['/api/v1/retention/runs/:id'] = async () =>
    (await app.http().post('/api/v1/retention/rules/one-time-links/runs').set('authorization', ourOwner).expect(202))
      .body.id as string;
  // The operator's billing route names any organization by design (a cross-organization route).
  // Another organization's owner is refused before the id matters: 403, not 404; the route's
  // own tests (subscriptions.e2e-spec.ts) prove that only the operator's scoped keys pass.
  recipes[OPERATOR_ROUTE] = async () => ({ organizationId: ours.organizationId });
  /** A body that passes validation, so the answer is about the id; per route, else per method. */
  const bodies: Record<string, object> = {
    PATCH: { name: 'Taken over', version: 1 },
    'PATCH /api/v1/users/:id': { role: 'admin', version: 1 },
    'PATCH /api/v1/webhooks/endpoints/:id': { enabled: true, version: 1 },
    'PATCH /api/v1/clients/:id': { name: 'Taken over', version: 1 },
    'PATCH /api/v1/contacts/:id': { fullName: 'Taken over', version: 1 },
    'PUT /api/v1/clients/:id/restriction': { reason: 'accuracy_contested' },
    'PUT /api/v1/contacts/:id/restriction': { reason: 'accuracy_contested' },
    'PATCH /api/v1/communications/:id': { body: 'Taken over', version: 1 },
    'POST /api/v1/consent-purposes/:id/archive': { version: 1 },
    'POST /api/v1/contacts/:contactId/consents': { purposeKey: 'marketing-email', action: 'withdrawn', source: 'api' },
    'POST /api/v1/contact-lists/:id/members': { contactIds: ['00000000-0000-4000-8000-000000000000'] },
    'PATCH /api/v1/jobs/:id': { title: 'Taken over', version: 1 },
    'POST /api/v1/jobs/:id/status': { status: 'cancelled', version: 1 },
    'PATCH /api/v1/schedule/:id': { title: 'Taken over', version: 1 },
    'PATCH /api/v1/invoices/:id': { version: 1, currency: 'EUR' },
    'POST /api/v1/invoices/:id/issue': { version: 1 },
    'POST /api/v1/invoices/:id/void': { version: 1 },
    'PUT /api/v1/privacy/documents/:document/processors/:id': { ...PROCESSOR, version: 1 },
    'POST /api/v1/invoices/:id/payments': { amountMinor: 100, paidOn: '2026-01-15', method: 'cash' },
    'POST /api/v1/privacy-requests/:id/assign': { version: 1, assigneeId: null },
    'POST /api/v1/privacy-requests/:id/matches': { version: 1, subjects: [] },
    'POST /api/v1/privacy-requests/:id/extend': { version: 1, months: 1, reason: 'Taken over by someone else' },
    'POST /api/v1/privacy-requests/:id/start': { version: 1 },
    'POST /api/v1/privacy-requests/:id/await-requester': { version: 1 },
    'POST /api/v1/privacy-requests/:id/complete': { version: 1 },
    'POST /api/v1/privacy-requests/:id/reject': { version: 1, reason: 'Taken over by someone else' },
    'POST /api/v1/privacy-requests/:id/corrections': { version: 1, field: 'phone', decision: 'keep' },
    'POST /api/v1/privacy-requests/:id/cancel': { version: 1 },
    'POST /api/v1/legal-holds/:id/release': { reason: 'Taken over by someone else' },
    [`PUT ${OPERATOR_ROUTE}`]: { state: 'ended' },
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
          .filter((route) => takesIds(route.path))
          .map((r) => r.path),
      ),
    ];
    expect(withIds.filter((path) => !recipes[path])).toEqual([]);
  });

  it('should answer 404 to another organization for every id route, and leave the row alone', async () => {
    const outcomes: string[] = [];
    for (const route of describeRoutes(app.app).filter((r) => takesIds(r.path))) {
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
    for (const outcome of outcomes) {
      expect(outcome).toMatch(outcome.includes(OPERATOR_ROUTE) ? /→ 403 forbidden$/ : /→ 404 not-found$/);
    }
    const [{ subscription_state }] = await app.db.query<{ subscription_state: string }>(
      'SELECT subscription_state FROM organizations WHERE id = $1',
      [ours.organizationId],
    );
    expect(subscription_state).toBe('trial');
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
