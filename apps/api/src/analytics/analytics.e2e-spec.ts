import { randomUUID } from 'node:crypto';
import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { CookiePolicyRevision } from '../consent/policies/cookie-policy-revision.js';
import { UsageRollupJob } from './usage-rollup.job.js';

describe('usage analytics', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  const clock = new TestClock('2026-12-02T12:34:56.789Z');
  const http = () => app.http();
  const events = [
    { type: 'page-view', name: '/contacts/:id' },
    { type: 'page-view', name: '/' },
    { type: 'feature', name: 'contacts.export' },
  ];
  const send = (consentId: string, body: object = { events }) =>
    http()
      .post('/api/v1/analytics/events')
      .set('authorization', owner)
      .send({ consentId, ...body });
  const choose = (categories: string[]) => {
    const consentId = randomUUID();
    return http()
      .post('/api/v1/consent/cookies')
      .send({ consentId, categories, revision: 1 })
      .expect(201)
      .then(() => consentId);
  };
  const stored = () => app.db.query('SELECT *, day::text AS day FROM usage_events ORDER BY name');

  beforeAll(async () => {
    app = await createTestApp({ clock, env: { TRUST_PROXY_HOPS: '1' } });
    org = await createOrganization(app);
    owner = await bearerFor(app, org.users.owner.email);
  });
  afterAll(() => app.close());

  it('should refuse events without a logged analytics consent, storing nothing', async () => {
    const never = await send(randomUUID());
    expectProblem(never, 403, 'analytics-consent-required');
    expect(never.body.type).toBe('urn:steward:problem:analytics-consent-required');

    const refused = await choose(['essential', 'preference']);
    expectProblem(await send(refused), 403, 'analytics-consent-required');

    // Accepted, then withdrawn: the latest choice counts.
    const withdrawn = await choose(['essential', 'analytics']);
    await http()
      .post('/api/v1/consent/cookies')
      .send({ consentId: withdrawn, categories: ['essential'], revision: 1 })
      .expect(201);
    expectProblem(await send(withdrawn), 403, 'analytics-consent-required');
    expect(await stored()).toHaveLength(0);
  });

  it('should store events with analytics consent, with nothing that points to a person', async () => {
    const consentId = await choose(['essential', 'analytics']);
    const { body } = await http()
      .post('/api/v1/analytics/events')
      .set('authorization', owner)
      .set('x-forwarded-for', '203.0.113.77')
      .send({ consentId, events })
      .expect(202);
    expect(body).toEqual({ accepted: 3 });

    const rows = await stored();
    expect(rows.map(({ type, name }) => ({ type, name }))).toEqual([
      { type: 'page-view', name: '/' },
      { type: 'page-view', name: '/contacts/:id' },
      { type: 'feature', name: 'contacts.export' },
    ]);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'browser',
        'day',
        'id',
        'name',
        'organization_id',
        'session_hash',
        'type',
      ]);
      expect(row.organization_id).toBe(org.organizationId);
      // The day only: the event cannot be matched to one person's actions in the audit trail.
      expect(row.day).toBe('2026-12-02');
      expect(row.browser).toBe('Other');
    }
    const everything = JSON.stringify(rows);
    for (const identifier of [consentId, org.users.owner.id, org.users.owner.email, '203.0.113']) {
      expect(everything).not.toContain(identifier);
    }
  });

  it('should refuse a consent given for an earlier revision of the cookie policy', async () => {
    const consentId = await choose(['essential', 'analytics']);
    const revision = app.app.get(CookiePolicyRevision);
    const published = revision.current;
    // The policies context raises it when the cookie section changes; here, by hand.
    revision.current = async () => 2;
    try {
      expectProblem(await send(consentId), 403, 'analytics-consent-required');
    } finally {
      revision.current = published;
    }
  });

  it('should refuse names that could carry ids, numbers, query strings or personal data', async () => {
    const consentId = await choose(['essential', 'analytics']);
    for (const name of [
      '/contacts/4f1c2d9e-8b7a-4c3d-9e2f-1a2b3c4d5e6f',
      '/invoices/12',
      '/contacts?q=smith',
      '/contacts/:id#notes',
      'olive@example.test',
      '/contacts/Olive Owner',
      '',
    ]) {
      const response = await send(consentId, { events: [{ type: 'page-view', name }] });
      expectProblem(response, 400, 'validation-failed');
    }
    expectProblem(await send(consentId, { events: [] }), 400, 'validation-failed');
    expectProblem(await send(consentId, { events: [{ type: 'click', name: '/' }] }), 400, 'validation-failed');
    await http().post('/api/v1/analytics/events').send({ consentId, events }).expect(401);
  });

  it('should purge raw events after the short period once rolled up, and find none of a person', async () => {
    const registry = app.app.get(PersonalDataRegistry);
    const provider = registry.list().find((candidate) => candidate.category === 'analytics.usage-events');
    expect(provider?.describe().retention.description).toMatch(/^Raw events 3 days/);
    const subject = { kind: 'user' as const, id: org.users.owner.id, organizationId: org.organizationId };
    expect((await registry.locateAll(subject))['analytics.usage-events']).toBe(0);
    // Rolled up once their day is over; the raw rows stay for the raw-event period, then go.
    clock.advance(3 * DAY_MS);
    const first = await app.app.get(UsageRollupJob).run();
    expect(first).toMatchObject({ daysRolledUp: ['2026-12-02'], rawEventsDeleted: 0 });
    expect(await stored()).toHaveLength(3);
    clock.advance(DAY_MS);
    expect((await app.app.get(UsageRollupJob).run()).rawEventsDeleted).toBe(3);
    expect(await stored()).toHaveLength(0);
  });
});
