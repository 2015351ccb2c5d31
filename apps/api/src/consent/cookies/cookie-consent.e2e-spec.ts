import { randomUUID } from 'node:crypto';
import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  eraseSubject,
  expectProblem,
  runRetentionRule,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { CookiePolicyRevision } from '../policies/cookie-policy-revision.js';

describe('cookie consent', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  const clock = new TestClock('2026-12-02T12:00:00.000Z');
  const http = () => app.http();
  const rows = (consentId: string) =>
    app.db.query(
      'SELECT consent_id, categories, revision, recorded_at, ip_prefix, user_id, organization_id FROM cookie_consents WHERE consent_id = $1 ORDER BY recorded_at',
      [consentId],
    );

  beforeAll(async () => {
    // One proxy in front, as in production: the client's address arrives in X-Forwarded-For.
    app = await createTestApp({ clock, env: { TRUST_PROXY_HOPS: '1' } });
    org = await createOrganization(app, ['owner', 'agent']);
    owner = await bearerFor(app, org.users.owner.email);
  });
  afterAll(() => app.close());

  it('should state the categories and the current revision publicly', async () => {
    const { body } = await http().get('/api/v1/consent/cookies/policy').expect(200);
    expect(body.revision).toBe(1);
    expect(body.categories.map((category: { key: string }) => category.key)).toEqual([
      'essential',
      'preference',
      'analytics',
      'security',
    ]);
    expect(body.categories[0]).toMatchObject({ key: 'essential', required: true });
  });

  it("should log a visitor's choice with the server's time, the revision and a truncated address only", async () => {
    const consentId = randomUUID();
    const { body } = await http()
      .post('/api/v1/consent/cookies')
      .set('x-forwarded-for', '203.0.113.77')
      .send({ consentId, categories: ['analytics', 'essential'], revision: 1 })
      .expect(201);
    expect(body).toEqual({
      consentId,
      categories: ['essential', 'analytics'],
      revision: 1,
      recordedAt: '2026-12-02T12:00:00.000Z',
      current: true,
    });
    const [row] = await rows(consentId);
    expect(row).toMatchObject({
      categories: ['essential', 'analytics'],
      revision: 1,
      ip_prefix: '203.0.113.0/24',
      user_id: null,
      organization_id: null,
    });
    expect((row.recorded_at as Date).toISOString()).toBe('2026-12-02T12:00:00.000Z');
    const everything = JSON.stringify(await app.db.query('SELECT * FROM cookie_consents'));
    expect(everything).not.toContain('203.0.113.77');
  });

  it('should keep only the /48 of an IPv6 address', async () => {
    const consentId = randomUUID();
    await http()
      .post('/api/v1/consent/cookies')
      .set('x-forwarded-for', '2001:db8:85a3:8d3:1319:8a2e:370:7348')
      .send({ consentId, categories: ['essential'], revision: 1 })
      .expect(201);
    const [row] = await rows(consentId);
    expect(row.ip_prefix).toBe('2001:db8:85a3::/48');
    expect(JSON.stringify(await app.db.query('SELECT * FROM cookie_consents'))).not.toContain('1319:8a2e');
  });

  it("should log a signed-in user's choice under them, and give it back on another device", async () => {
    const laptop = randomUUID();
    await http()
      .post('/api/v1/me/cookie-consent')
      .set('authorization', owner)
      .set('x-forwarded-for', '198.51.100.23')
      .send({ consentId: laptop, categories: ['essential', 'preference'], revision: 1 })
      .expect(201);
    const [row] = await rows(laptop);
    expect(row).toMatchObject({
      user_id: org.users.owner.id,
      organization_id: org.organizationId,
      ip_prefix: '198.51.100.0/24',
    });

    // A second device: a new sign-in, which reads the choice made on the laptop.
    clock.advance(60_000);
    const phone = await bearerFor(app, org.users.owner.email);
    const { body } = await http().get('/api/v1/me/cookie-consent').set('authorization', phone).expect(200);
    expect(body).toEqual({
      currentRevision: 1,
      choice: {
        consentId: laptop,
        categories: ['essential', 'preference'],
        revision: 1,
        recordedAt: '2026-12-02T12:00:00.000Z',
        current: true,
      },
    });

    // The latest choice wins; another user sees none of it.
    clock.advance(60_000);
    await http()
      .post('/api/v1/me/cookie-consent')
      .set('authorization', phone)
      .send({ consentId: randomUUID(), categories: ['essential'], revision: 1 })
      .expect(201);
    const latest = await http().get('/api/v1/me/cookie-consent').set('authorization', owner).expect(200);
    expect(latest.body.choice.categories).toEqual(['essential']);
    const agent = await bearerFor(app, org.users.agent.email);
    expect((await http().get('/api/v1/me/cookie-consent').set('authorization', agent).expect(200)).body).toEqual({
      choice: null,
      currentRevision: 1,
    });
    await http().get('/api/v1/me/cookie-consent').expect(401);
  });

  it('should say when the latest choice is for an earlier revision', async () => {
    const revision = app.app.get(CookiePolicyRevision);
    const published = revision.current;
    revision.current = async () => 2;
    try {
      const { body } = await http().get('/api/v1/me/cookie-consent').set('authorization', owner).expect(200);
      expect(body).toMatchObject({ currentRevision: 2, choice: { revision: 1, current: false } });
      expect((await http().get('/api/v1/consent/cookies/policy').expect(200)).body.revision).toBe(2);
    } finally {
      revision.current = published;
    }
  });

  it('should refuse an unknown category by name, a refused essential category and a bad body', async () => {
    const send = (body: object) => http().post('/api/v1/consent/cookies').send(body);
    const consentId = randomUUID();

    const unknown = await send({ consentId, categories: ['essential', 'marketing'], revision: 1 });
    expectProblem(unknown, 400, 'validation-failed');
    expect(unknown.body.detail).toContain('"marketing"');
    expect(unknown.body.errors).toEqual([{ field: 'categories', message: expect.stringContaining('"marketing"') }]);

    const noEssential = await send({ consentId, categories: ['analytics'], revision: 1 });
    expectProblem(noEssential, 400, 'validation-failed');
    expect(noEssential.body.detail).toMatch(/essential cannot be refused/);

    expectProblem(
      await send({ consentId: 'not-a-uuid', categories: ['essential'], revision: 1 }),
      400,
      'validation-failed',
    );
    expectProblem(await send({ consentId, categories: 'essential', revision: 1 }), 400, 'validation-failed');
    expectProblem(await send({ consentId, categories: ['essential'], revision: 0 }), 400, 'validation-failed');
    const future = await send({ consentId, categories: ['essential'], revision: 7 });
    expectProblem(future, 400, 'validation-failed');
    expect(future.body.detail).toMatch(/not published yet/);
    expectProblem(
      await send({ consentId, categories: ['essential'], revision: 1, extra: 1 }),
      400,
      'validation-failed',
    );
    expect(await rows(consentId)).toHaveLength(0);
  });

  it("should export and erase a user's choices, and purge entries past the proof period", async () => {
    const registry = app.app.get(PersonalDataRegistry);
    const user = { kind: 'user' as const, id: org.users.agent.id, organizationId: org.organizationId };
    const agent = await bearerFor(app, org.users.agent.email);
    const consentId = randomUUID();
    await http()
      .post('/api/v1/me/cookie-consent')
      .set('authorization', agent)
      .send({ consentId, categories: ['essential', 'security'], revision: 1 })
      .expect(201);
    expect((await registry.locateAll(user))['consent.cookie-choices']).toBe(1);
    const exported = [];
    for await (const part of registry.exportAll(user)) exported.push(part);
    expect(exported.find((part) => part.category === 'consent.cookie-choices')?.records).toEqual([
      expect.objectContaining({ consentId, categories: ['essential', 'security'], revision: 1 }),
    ]);

    const provider = registry.list().find((candidate) => candidate.category === 'consent.cookie-choices');
    expect(provider?.describe().retention.description).toMatch(/^1095 days/);
    const before = (await app.db.query('SELECT count(*)::int AS n FROM cookie_consents'))[0].n;
    expect(before).toBeGreaterThan(1);
    // Nothing is old enough yet; 1095 days on, every entry is.
    expect(await runRetentionRule(app, 'cookie-choices')).toBe(0);
    const receipts = await eraseSubject(app, user);
    expect(receipts).toContainEqual(expect.objectContaining({ category: 'consent.cookie-choices', affected: 1 }));
    expect(await rows(consentId)).toHaveLength(0);
    const left = (await app.db.query('SELECT count(*)::int AS n FROM cookie_consents'))[0].n;
    expect(await runRetentionRule(app, 'cookie-choices', new Date(clock.nowMs() + 1096 * DAY_MS))).toBe(left);
  });
});
