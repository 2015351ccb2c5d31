import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  linkIn,
  type MailCatcher,
  runRetentionRule,
  startMailCatcher,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { AppSettings } from '../../config/settings.module.js';

describe('double opt-in from the public consent form', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let clock: TestClock;
  let org: TestOrganization;
  let owner: string;
  let slug: string;

  const http = () => app.http();
  const ask = (body: object, organizationSlug = slug) =>
    http().post(`/api/v1/public/organizations/${organizationSlug}/consent-requests`).send(body);
  const tokenFrom = async (to: string) =>
    linkIn(await mail.waitFor(to), 'https://crm.example.test/confirm-consent?token=').searchParams.get(
      'token',
    ) as string;
  const consentsOf = async (contactId: string) =>
    (await http().get(`/api/v1/contacts/${contactId}/consents`).set('authorization', owner).expect(200)).body;
  const contactByEmail = async (email: string) => {
    const { body } = await http()
      .get(`/api/v1/contacts?q=${encodeURIComponent(email)}`)
      .set('authorization', owner)
      .expect(200);
    return body.items as Array<{ id: string; fullName: string }>;
  };

  beforeAll(async () => {
    mail = await startMailCatcher();
    clock = new TestClock(new Date('2026-11-02T09:00:00Z'));
    app = await createTestApp({
      clock,
      env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test', SIGN_IN_RATE_LIMIT_PER_MINUTE: '40' },
    });
    org = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Web' }).expect(201);
    const [row] = await app.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [
      org.organizationId,
    ]);
    slug = row.slug;
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it('should show the form its purposes and wording, without signing in', async () => {
    const { body } = await http().get(`/api/v1/public/organizations/${slug}/consent-purposes`).expect(200);
    expect(body.organizationName).toMatch(/^Test Org/);
    expect(body.purposes.find((purpose: { key: string }) => purpose.key === 'marketing-email')).toMatchObject({
      wordingVersion: 1,
      wording: expect.stringMatching(/unsubscribe/),
    });
    expectProblem(await http().get('/api/v1/public/organizations/no-such-org/consent-purposes'), 404, 'not-found');
  });

  it('should create the contact, record pending entries, and confirm them through the emailed link', async () => {
    await ask({
      email: 'Pat.Pending@Example.test',
      fullName: 'Pat Pending',
      purposes: [
        { purposeKey: 'marketing-email', wordingVersion: 1 },
        { purposeKey: 'profiling', wordingVersion: 1 },
      ],
    }).expect(202);
    const [contact] = await contactByEmail('pat.pending@example.test');
    expect(contact.fullName).toBe('Pat Pending');
    const pending = await consentsOf(contact.id);
    const email = pending.purposes.find((purpose: { purposeKey: string }) => purpose.purposeKey === 'marketing-email');
    expect(email).toMatchObject({ status: 'pending', validBasis: false });
    // Pending is no basis: the marketing export leaves the person out.
    const before = await http()
      .get('/api/v1/contacts/export?purpose=marketing-email')
      .set('authorization', owner)
      .expect(200);
    expect(before.text).not.toContain('Pat Pending');

    const message = await mail.waitFor('pat.pending@example.test');
    expect(message.text).toContain('I would like to receive news and offers by email');
    const token = await tokenFrom('pat.pending@example.test');
    const confirmed = await http().post('/api/v1/public/consent-confirmations').send({ token }).expect(200);
    expect(confirmed.body.confirmed.sort()).toEqual(['Marketing email', 'Profiling']);
    const after = await consentsOf(contact.id);
    expect(
      after.purposes.find((purpose: { purposeKey: string }) => purpose.purposeKey === 'marketing-email'),
    ).toMatchObject({
      status: 'confirmed',
      validBasis: true,
      lawfulBasis: 'consent',
    });
    expect(after.history.map((entry: { action: string; source: string }) => `${entry.action}/${entry.source}`)).toEqual(
      ['pending/form', 'pending/form', 'confirmed/double-opt-in', 'confirmed/double-opt-in'],
    );
    expect(after.history[2].recordedBy).toEqual({ kind: 'subject', id: null });
    const exported = await http()
      .get('/api/v1/contacts/export?purpose=marketing-email')
      .set('authorization', owner)
      .expect(200);
    expect(exported.text).toContain('Pat Pending');
    // The link works once.
    expectProblem(await http().post('/api/v1/public/consent-confirmations').send({ token }), 404, 'not-found');
    const [stored] = await app.db.query<{ plain: number; hashed: number }>(
      `SELECT count(*) FILTER (WHERE token_hash = $1)::int AS plain,
              count(*) FILTER (WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex'))::int AS hashed
       FROM consent_confirmations`,
      [token],
    );
    expect([Number(stored.plain), Number(stored.hashed)]).toEqual([0, 1]); // only the hash is stored
  });

  it('should find a known contact by email and answer the same 202 either way', async () => {
    const { body: known } = await http()
      .post('/api/v1/contacts')
      .set('authorization', owner)
      .send({ fullName: 'Kai Known', email: 'kai.known@example.test', branchId: await branchId() })
      .expect(201);
    const first = await ask({
      email: 'kai.known@example.test',
      fullName: 'Somebody Else',
      purposes: [{ purposeKey: 'marketing-sms', wordingVersion: 1 }],
    });
    const second = await ask({
      email: 'nobody.new@example.test',
      fullName: 'Nobody New',
      purposes: [{ purposeKey: 'marketing-sms', wordingVersion: 1 }],
    });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.body).toEqual(second.body);
    expect(await contactByEmail('kai.known@example.test')).toHaveLength(1);
    const state = await consentsOf(known.id);
    expect(
      state.purposes.find((purpose: { purposeKey: string }) => purpose.purposeKey === 'marketing-sms'),
    ).toMatchObject({
      status: 'pending',
    });
    await mail.waitFor('kai.known@example.test');
  });

  it('should refuse unknown purposes and wording versions with 400s', async () => {
    const unknown = await ask({
      email: 'x@example.test',
      fullName: 'X',
      purposes: [{ purposeKey: 'carrier-pigeon', wordingVersion: 1 }],
    });
    expectProblem(unknown, 400, 'validation-failed');
    expect(unknown.body.errors[0].field).toBe('purposes.0.purposeKey');
    const version = await ask({
      email: 'x@example.test',
      fullName: 'X',
      purposes: [{ purposeKey: 'marketing-email', wordingVersion: 7 }],
    });
    expectProblem(version, 400, 'validation-failed');
    expect(version.body.errors[0].field).toBe('purposes.0.wordingVersion');
    const empty = await ask({ email: 'not-an-email', fullName: 'X', purposes: [] });
    expectProblem(empty, 400, 'validation-failed');
    expect(empty.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'purposes']);
  });

  it('should let unconfirmed requests expire: the purge removes their pending entries', async () => {
    await ask({
      email: 'ed.expired@example.test',
      fullName: 'Ed Expired',
      purposes: [{ purposeKey: 'marketing-phone', wordingVersion: 1 }],
    }).expect(202);
    const token = await tokenFrom('ed.expired@example.test');
    const [contact] = await contactByEmail('ed.expired@example.test');
    clock.advance(73 * 3_600_000);
    owner = await bearerFor(app, org.users.owner.email);
    expectProblem(await http().post('/api/v1/public/consent-confirmations').send({ token }), 404, 'not-found');
    // The link expired: once the one-time-link period has passed too, the purge takes it.
    clock.advance(app.app.get(AppSettings).retention.expiredLinkDays * 86_400_000);
    owner = await bearerFor(app, org.users.owner.email);
    const purged = await runRetentionRule(app, 'consent-links');
    expect(purged).toBeGreaterThanOrEqual(2); // the pending entry and its link
    const state = await consentsOf(contact.id);
    expect(state.history).toEqual([]);
  });

  it('should rate limit the public form per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 45; attempt++) {
      statuses.push((await ask({ email: 'flood@example.test', fullName: 'F', purposes: [] })).status);
    }
    expect(statuses).toContain(429);
  });

  const branchId = async () =>
    (await http().get('/api/v1/branches').set('authorization', owner).expect(200)).body.items[0].id as string;
});
