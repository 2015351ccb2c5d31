import { generateKey } from '#crypto';
import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  createTestDatabase,
  expectProblem,
  TEST_PASSWORD,
  type TestApp,
  type TestDatabase,
  type TestOrganization,
} from '#testing';
import { IdentityService } from '../../identity/identity.service.js';

/**
 * The living policy: facts rendered from the settings the system enforces, versions,
 * publication that asks users to accept again, and a changed setting that rewrites the
 * sentence and produces a draft showing it.
 */
describe('privacy policy and notices', () => {
  const masterKey = generateKey().toString('base64');
  const env = {
    MASTER_KEY: masterKey,
    OPERATOR_ORGANIZATION: 'steward-operator',
    RETENTION_ENDED_SESSION_DAYS: '30',
  };
  let db: TestDatabase;
  let app: TestApp;
  let operator: { auth: string };
  let customer: TestOrganization;
  let customerSlug: string;
  let customerOwner: string;
  let customerAgent: string;

  const statementsOf = (body: { sections: Array<{ facts: string | null; statements: string[] }> }, block: string) =>
    body.sections.find((section) => section.facts === block)?.statements ?? [];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp({ db, env });
    const identity = app.app.get(IdentityService);
    await identity.createOrganization('Steward Operator', {
      profile: {
        email: 'privacy.officer@operator.test',
        fullName: 'Pat Privacy',
        phone: null,
        jobTitle: null,
        company: null,
      },
      password: TEST_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });
    operator = { auth: await bearerFor(app, 'privacy.officer@operator.test') };
    customer = await createOrganization(app, ['owner', 'agent']);
    customerOwner = await bearerFor(app, customer.users.owner.email);
    customerAgent = await bearerFor(app, customer.users.agent.email);
    customerSlug = (await app.http().get('/api/v1/organization').set('authorization', customerOwner).expect(200)).body
      .slug;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('should render the platform policy without an account, every fact from the registry and the settings', async () => {
    const response = await app.http().get('/api/v1/privacy/policy').expect(200);
    expect(response.body).toMatchObject({
      title: 'Privacy Policy',
      number: 1,
      status: 'published',
      organization: null,
    });
    expect(response.body.sections.map((s: { title: string }) => s.title)).toEqual(
      expect.arrayContaining([
        'Information We Collect',
        'Data Retention and Deletion',
        "Children's Privacy",
        'Contact',
      ]),
    );
    const userCategories = app.app
      .get(PersonalDataRegistry)
      .describeAll()
      .filter((category) => category.subjectKinds.includes('user'));
    expect(response.body.facts.categories.map((c: { category: string }) => c.category)).toEqual(
      userCategories.map((category) => category.category),
    );
    const retention = statementsOf(response.body, 'retention');
    expect(retention).toHaveLength(userCategories.length);
    expect(retention.find((line) => line.startsWith('The devices you are signed in on'))).toContain(
      'then 30 days after the session ends',
    );
    expect(statementsOf(response.body, 'rights').join(' ')).toContain('within 30 days');
    expect(statementsOf(response.body, 'cookies')).toHaveLength(4);
    expect(statementsOf(response.body, 'minimum-age')[0]).toContain('aged 18 or over');
  });

  it("should render an organization's notice from its own settings, in the fuller style", async () => {
    const response = await app.http().get(`/api/v1/privacy/organizations/${customerSlug}/notice`).expect(200);
    expect(response.body).toMatchObject({ title: 'Privacy Notice', organization: { slug: customerSlug } });
    expect(response.body.sections.map((s: { title: string }) => s.title)).toEqual(
      expect.arrayContaining([
        'Your legal rights',
        'International data transfers',
        'Contact us & Data Protection Officer',
      ]),
    );
    const contactCategories = app.app
      .get(PersonalDataRegistry)
      .describeAll()
      .filter((category) => category.subjectKinds.some((kind) => kind === 'contact' || kind === 'client'));
    expect(response.body.facts.categories).toHaveLength(contactCategories.length);
    const invoices = response.body.facts.categories.find((c: { category: string }) => c.category === 'crm.invoices');
    expect(invoices.retention.value).toBe(7);
    expect(statementsOf(response.body, 'retention').join(' ')).toContain('7 years');
    expect(statementsOf(response.body, 'rights').join(' ')).toContain(`/privacy/${customerSlug}/request`);
    expect(response.body.facts.residency).toEqual({ region: 'eu-west', regionName: 'the European Union (Ireland)' });

    await app.http().get('/api/v1/privacy/organizations/no-such-org/notice').expect(404);
  });

  it('should change the notice facts when the organization changes a setting or a processor', async () => {
    const organization = (await app.http().get('/api/v1/organization').set('authorization', customerOwner)).body;
    await app
      .http()
      .patch('/api/v1/organization')
      .set('authorization', customerOwner)
      .send({ version: organization.version, minUserAge: 16 })
      .expect(200);
    await app
      .http()
      .post('/api/v1/privacy/documents/notice/processors')
      .set('authorization', customerOwner)
      .send({
        name: 'Mailjet',
        purpose: 'Sending our newsletters',
        dataCategories: ['Contact details'],
        location: 'France',
        safeguard: 'Within the EEA',
        dpaDate: '2026-03-01',
      })
      .expect(201);
    const notice = (await app.http().get(`/api/v1/privacy/organizations/${customerSlug}/notice`).expect(200)).body;
    expect(statementsOf(notice, 'minimum-age')[0]).toContain('under 16');
    expect(statementsOf(notice, 'processors')[0]).toMatch(/^Mailjet \(France\): Sending our newsletters/);
    expect(notice.factsChangedSincePublication).toBe(true);

    const { draft } = (
      await app.http().get('/api/v1/privacy/documents/notice/draft').set('authorization', customerOwner).expect(200)
    ).body;
    expect(draft.number).toBe(2);
    const processors = draft.changes.find((change: { key: string }) => change.key === 'processors');
    expect(processors.removed).toEqual(['No third-party processor receives this data.']);
    expect(processors.added[0]).toContain('Mailjet');
  });

  it('should let only the operator edit the platform policy, and only privacy staff edit anything', async () => {
    const refused = await app
      .http()
      .post('/api/v1/privacy/documents/platform/draft')
      .set('authorization', customerOwner);
    expectProblem(refused, 403, 'forbidden');
    const agent = await app.http().get('/api/v1/privacy/documents/notice/draft').set('authorization', customerAgent);
    expectProblem(agent, 403, 'forbidden');
    const unknown = await app.http().get('/api/v1/privacy/documents/terms/draft').set('authorization', customerOwner);
    expectProblem(unknown, 404, 'not-found');
  });

  it('should refuse a draft that leaves out a block of facts, a stale draft and an unchanged publication', async () => {
    const draft = (
      await app.http().post('/api/v1/privacy/documents/platform/draft').set('authorization', operator.auth).expect(200)
    ).body;
    const withoutRetention = draft.sections
      .filter((section: { facts: string | null }) => section.facts !== 'retention')
      .map(({ statements: _statements, ...section }: { statements: string[] }) => section);
    const incomplete = await app
      .http()
      .put('/api/v1/privacy/documents/platform/draft')
      .set('authorization', operator.auth)
      .send({ version: draft.draftVersion, sections: withoutRetention });
    expectProblem(incomplete, 400, 'validation-failed');
    expect(incomplete.body.detail).toContain('"retention"');

    const badBlock = await app
      .http()
      .put('/api/v1/privacy/documents/platform/draft')
      .set('authorization', operator.auth)
      .send({
        version: draft.draftVersion,
        sections: [{ key: 'x', title: 'X', prose: '', closing: '', facts: 'weather' }],
      });
    expectProblem(badBlock, 400, 'validation-failed');

    const unchanged = await app
      .http()
      .post('/api/v1/privacy/documents/platform/draft/publish')
      .set('authorization', operator.auth)
      .send({ version: draft.draftVersion, changeNote: 'Nothing really' });
    expectProblem(unchanged, 409, 'conflict');
  });

  it('should ask every user to accept a newly published platform policy before they work on', async () => {
    const draft = (
      await app.http().post('/api/v1/privacy/documents/platform/draft').set('authorization', operator.auth).expect(200)
    ).body;
    const sections = draft.sections.map(
      ({ statements: _s, ...section }: { statements: string[]; key: string; prose: string }) =>
        section.key === 'introduction'
          ? { ...section, prose: `${section.prose}\n\nWe now explain each list in plain words.` }
          : section,
    );
    const saved = (
      await app
        .http()
        .put('/api/v1/privacy/documents/platform/draft')
        .set('authorization', operator.auth)
        .send({ version: draft.draftVersion, sections })
        .expect(200)
    ).body;
    expect(saved.changes).toEqual([
      expect.objectContaining({
        key: 'introduction',
        removed: [],
        added: ['We now explain each list in plain words.'],
      }),
    ]);
    const stale = await app
      .http()
      .post('/api/v1/privacy/documents/platform/draft/publish')
      .set('authorization', operator.auth)
      .send({ version: draft.draftVersion, changeNote: 'Plainer words' });
    expectProblem(stale, 409, 'conflict');

    await app.http().get('/api/v1/clients').set('authorization', customerAgent).expect(200);
    const published = (
      await app
        .http()
        .post('/api/v1/privacy/documents/platform/draft/publish')
        .set('authorization', operator.auth)
        .send({ version: saved.draftVersion, changeNote: 'Plainer words' })
        .expect(200)
    ).body;
    expect(published).toMatchObject({ number: 2, status: 'published', changeNote: 'Plainer words' });

    // The publisher's process knows at once; every signed-in person must now accept.
    const blocked = await app.http().get('/api/v1/clients').set('authorization', customerAgent);
    expectProblem(blocked, 403, 'policy-acceptance-required');
    await app.http().get('/api/v1/auth/me').set('authorization', customerAgent).expect(200);
    const status = await app.http().get('/api/v1/me/privacy-policy').set('authorization', customerAgent).expect(200);
    expect(status.body).toEqual({
      current: { number: 2, effectiveDate: expect.any(String) },
      accepted: null,
      required: true,
    });

    const old = await app
      .http()
      .post('/api/v1/me/privacy-policy/acceptance')
      .set('authorization', customerAgent)
      .send({ number: 1 });
    expectProblem(old, 409, 'conflict');
    const accepted = await app
      .http()
      .post('/api/v1/me/privacy-policy/acceptance')
      .set('authorization', customerAgent)
      .send({ number: 2 })
      .expect(200);
    expect(accepted.body).toMatchObject({ accepted: 2, required: false });
    await app.http().get('/api/v1/clients').set('authorization', customerAgent).expect(200);
    // Others are still asked.
    expectProblem(
      await app.http().get('/api/v1/clients').set('authorization', customerOwner),
      403,
      'policy-acceptance-required',
    );

    const trail = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE organization_id = $1 AND action = 'privacy.policy.accepted'`,
      [customer.organizationId],
    );
    expect(trail).toHaveLength(1);

    const history = (await app.http().get('/api/v1/privacy/policy/versions').expect(200)).body.items;
    expect(history.map((item: { number: number; status: string }) => [item.number, item.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
    const first = (await app.http().get('/api/v1/privacy/policy/versions/1').expect(200)).body;
    expect(first.sections[0].prose).not.toContain('plain words');
    await app.http().get('/api/v1/privacy/policy/versions/9').expect(404);
  });

  it('should not ask API keys to accept (the person who made the key did)', async () => {
    await app
      .http()
      .post('/api/v1/me/privacy-policy/acceptance')
      .set('authorization', customerOwner)
      .send({ number: 2 })
      .expect(200);
    const key = (
      await app
        .http()
        .post('/api/v1/api-keys')
        .set('authorization', customerOwner)
        .send({ name: 'Sync', scopes: ['clients:read'] })
        .expect(201)
    ).body.secret;
    await app.http().get('/api/v1/clients').set('authorization', `Bearer ${key}`).expect(200);
  });

  it('should rewrite the sentence when a retention setting changes, and put it in a draft with its diff', async () => {
    await app.close();
    app = await createTestApp({ db, env: { ...env, RETENTION_ENDED_SESSION_DAYS: '14' } });
    const policy = (await app.http().get('/api/v1/privacy/policy').expect(200)).body;
    const sessions = statementsOf(policy, 'retention').find((line) =>
      line.startsWith('The devices you are signed in on'),
    );
    expect(sessions).toContain('then 14 days after the session ends');
    expect(policy.factsChangedSincePublication).toBe(true);

    const auth = await bearerFor(app, 'privacy.officer@operator.test');
    await app
      .http()
      .post('/api/v1/me/privacy-policy/acceptance')
      .set('authorization', auth)
      .send({ number: 2 })
      .expect(200);
    const { draft } = (
      await app.http().get('/api/v1/privacy/documents/platform/draft').set('authorization', auth).expect(200)
    ).body;
    const retention = draft.changes.find((change: { key: string }) => change.key === 'retention');
    expect(retention.removed).toEqual([expect.stringContaining('then 30 days after the session ends')]);
    expect(retention.added).toEqual([expect.stringContaining('then 14 days after the session ends')]);
  });
});
