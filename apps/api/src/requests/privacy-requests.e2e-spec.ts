import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  linkIn,
  type MailCatcher,
  runRetentionRule,
  startMailCatcher,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';

const APP_URL = 'https://crm.example.test';

describe('data-subject requests: intake and verification', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let clock: TestClock;
  let org: TestOrganization;
  let officer: string;
  let slug: string;
  let branchId: string;

  const http = () => app.http();
  const file = (body: object, organizationSlug = slug) =>
    http().post(`/api/v1/public/organizations/${organizationSlug}/privacy-requests`).send(body);
  const tokenFrom = async (to: string) => {
    const message = await mail.waitFor(to);
    return linkIn(message, `${APP_URL}/privacy-requests/verify?token=`).searchParams.get('token') as string;
  };
  const requestsOf = async (email: string) =>
    (
      await http()
        .get(`/api/v1/privacy-requests?q=${encodeURIComponent(email)}`)
        .set('authorization', officer)
        .expect(200)
    ).body.items as Array<{ id: string; status: string; version: number; dueAt: string | null }>;

  beforeAll(async () => {
    mail = await startMailCatcher();
    clock = new TestClock(new Date());
    app = await createTestApp({
      clock,
      env: { SMTP_URL: mail.url, APP_URL, JOBS_WORKER: 'false', SIGN_IN_RATE_LIMIT_PER_MINUTE: '40' },
    });
    org = await createOrganization(app, ['owner', 'privacy_officer', 'agent']);
    officer = await bearerFor(app, org.users.privacy_officer.email);
    const owner = await bearerFor(app, org.users.owner.email);
    branchId = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Main' }).expect(201))
      .body.id;
    const [row] = await app.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [
      org.organizationId,
    ]);
    slug = row.slug;
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it('should answer the same 202 whether or not the email is known, and email a verification link', async () => {
    await http()
      .post('/api/v1/contacts')
      .set('authorization', await bearerFor(app, org.users.owner.email))
      .send({ fullName: 'Known Person', email: 'known.person@example.test', branchId })
      .expect(201);
    const known = await file({ type: 'access', email: 'known.person@example.test', fullName: 'Known Person' });
    const unknown = await file({ type: 'access', email: 'nobody.here@example.test', fullName: 'Nobody Here' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    expect(known.text).toBe(unknown.text);
    for (const to of ['known.person@example.test', 'nobody.here@example.test']) {
      const message = await mail.waitFor(to);
      expect(message.text).toContain(`${APP_URL}/privacy-requests/verify?token=`);
      expect(message.text).not.toContain('Known Person'.toUpperCase());
    }
    const [request] = await requestsOf('known.person@example.test');
    expect(request.status).toBe('unverified');
    expect(request.dueAt).toBeNull();
    // Only sealed values and a blind index are stored.
    const [raw] = await app.db.query<{ plain: number }>(
      "SELECT count(*)::int AS plain FROM privacy_requests WHERE encode(requester_email_enc, 'escape') LIKE '%known.person%'",
    );
    expect(raw.plain).toBe(0);
    expectProblem(
      await file({ type: 'access', email: 'x@example.test', fullName: 'X' }, 'no-such-org'),
      404,
      'not-found',
    );
  });

  it('should refuse bad input with field errors', async () => {
    const bad = await file({ type: 'teleport', email: 'not-an-email', fullName: '' });
    expectProblem(bad, 400, 'validation-failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'email',
      'fullName',
      'type',
    ]);
  });

  it('should receive the request when the emailed link is followed, once', async () => {
    await file({ type: 'erasure', email: 'vera.verify@example.test', fullName: 'Vera Verify' }).expect(202);
    const token = await tokenFrom('vera.verify@example.test');
    const verified = await http().post('/api/v1/public/privacy-requests/verify').send({ token }).expect(200);
    expect(verified.body.type).toBe('erasure');
    const due = new Date(verified.body.dueAt).getTime();
    expect(Math.abs(due - (clock.nowMs() + 30 * DAY_MS))).toBeLessThan(1000);
    const [request] = await requestsOf('vera.verify@example.test');
    expect(request.status).toBe('received');
    const receipt = await mail.waitForAbout('vera.verify@example.test', 'received your privacy request');
    expect(receipt.text).toContain('erasure of your personal data');
    expect(receipt.text).toContain(new Date(due).toISOString().slice(0, 10));
    expectProblem(await http().post('/api/v1/public/privacy-requests/verify').send({ token }), 404, 'not-found');
    const [stored] = await app.db.query<{ hashed: number }>(
      'SELECT count(*)::int AS hashed FROM privacy_requests WHERE verification_token_hash = $1',
      [token],
    );
    expect(stored.hashed).toBe(0);
  });

  it('should let unverified requests expire: the link stops working, then the purge deletes them', async () => {
    await file({ type: 'objection', email: 'ed.expired@example.test', fullName: 'Ed Expired' }).expect(202);
    const token = await tokenFrom('ed.expired@example.test');
    const [request] = await requestsOf('ed.expired@example.test');
    clock.advance(25 * 3_600_000);
    officer = await bearerFor(app, org.users.privacy_officer.email);
    expectProblem(await http().post('/api/v1/public/privacy-requests/verify').send({ token }), 404, 'not-found');
    expect(await runRetentionRule(app, 'unverified-privacy-requests')).toBe(0); // 25 h < 72 h
    clock.advance(48 * 3_600_000);
    officer = await bearerFor(app, org.users.privacy_officer.email);
    expect(await runRetentionRule(app, 'unverified-privacy-requests')).toBeGreaterThanOrEqual(1);
    const left = await app.db.query('SELECT id FROM privacy_requests WHERE id = $1', [request.id]);
    expect(left).toEqual([]);
    const events = await app.db.query('SELECT id FROM privacy_request_events WHERE request_id = $1', [request.id]);
    expect(events).toEqual([]);
    // Verified ones stay.
    expect(await requestsOf('vera.verify@example.test')).toHaveLength(1);
  });

  it('should keep the history append-only', async () => {
    const [request] = await requestsOf('vera.verify@example.test');
    await expect(
      app.db.query("UPDATE privacy_request_events SET type = 'completed' WHERE request_id = $1", [request.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      app.db.query('DELETE FROM privacy_request_events WHERE request_id = $1', [request.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('should rate limit the public form per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 45; attempt++) {
      statuses.push((await file({ type: 'inquiry', email: 'flood@example.test', fullName: 'F' })).status);
    }
    expect(statuses).toContain(429);
  });
});
