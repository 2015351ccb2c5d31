import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  type MailCatcher,
  parseSetCookies,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { ErasureService } from '../personal-data/erasure.service.js';
import { ERASE_ACCOUNT, PrivacyRequestAccountErasure } from './privacy-request-account-erasure.js';

describe('data-subject requests: a user asking to be erased', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let clock: TestClock;
  let org: TestOrganization;
  let officer: string;

  const http = () => app.http();
  const signIn = async (email: string) => {
    const response = await http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
    const cookies = parseSetCookies(response.headers['set-cookie']);
    return {
      bearer: `Bearer ${response.body.accessToken}`,
      refresh: () =>
        http()
          .post('/api/v1/auth/refresh')
          .set('cookie', `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`)
          .set('x-csrf-token', cookies.steward_csrf.value),
    };
  };
  const scheduledJobs = (userId: string) =>
    app.db.query<{ data: Record<string, string>; start_after: Date }>(
      `SELECT data, start_after FROM pgboss.job WHERE name = $1 AND data->>'userId' = $2`,
      [ERASE_ACCOUNT, userId],
    );

  beforeAll(async () => {
    mail = await startMailCatcher();
    clock = new TestClock(new Date());
    app = await createTestApp({ clock, env: { SMTP_URL: mail.url, JOBS_WORKER: 'false' } });
    org = await createOrganization(app, ['owner', 'admin', 'privacy_officer', 'agent']);
    officer = await bearerFor(app, org.users.privacy_officer.email);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it("should refuse the organization's only owner with 409 and change nothing", async () => {
    const owner = await bearerFor(app, org.users.owner.email);
    const refused = await http()
      .post('/api/v1/me/privacy-requests')
      .set('authorization', owner)
      .send({ type: 'erasure' });
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toContain('only owner');
    await http().get('/api/v1/profile').set('authorization', owner).expect(200);
    const [count] = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM privacy_requests WHERE requester_user_id = $1',
      [org.users.owner.id],
    );
    expect(count.n).toBe(0);
  });

  it('should stop the account at once (tokens, refresh, API keys, sign-in) and erase it after the grace period', async () => {
    const admin = await signIn(org.users.admin.email);
    const created = await http()
      .post('/api/v1/api-keys')
      .set('authorization', admin.bearer)
      .send({ name: 'Sync', scopes: ['organization:read'] })
      .expect(201);
    const key = created.body.secret as string;
    await http().get('/api/v1/organization').set('x-api-key', key).expect(200);

    const filed = await http()
      .post('/api/v1/me/privacy-requests')
      .set('authorization', admin.bearer)
      .send({ type: 'erasure' })
      .expect(201);
    // At once: the access token, the refresh token, the API key and signing in all stop.
    expectProblem(await http().get('/api/v1/profile').set('authorization', admin.bearer), 401, 'session-expired');
    expect((await admin.refresh()).status).toBe(401);
    expect((await http().get('/api/v1/organization').set('x-api-key', key)).status).toBe(401);
    expect(
      (await http().post('/api/v1/auth/sign-in').send({ email: org.users.admin.email, password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
    const [user] = await app.db.query<{ state: string }>('SELECT state FROM users WHERE id = $1', [org.users.admin.id]);
    expect(user.state).toBe('disabled');
    const audit = await app.db.query<{ details: { apiKeys: number } }>(
      "SELECT details FROM audit_entries WHERE target_id = $1 AND action = 'user.deactivated_for_erasure'",
      [org.users.admin.id],
    );
    expect(audit.map((entry) => entry.details.apiKeys)).toEqual([1]);

    // The request is matched by the session and shows the scheduled erasure.
    const detail = (
      await http().get(`/api/v1/privacy-requests/${filed.body.id}`).set('authorization', officer).expect(200)
    ).body;
    expect(detail.fulfilment).toBe('erasure_scheduled');
    expect(detail.candidates).toContainEqual(
      expect.objectContaining({ kind: 'user', id: org.users.admin.id, confirmed: true }),
    );
    const [job] = await scheduledJobs(org.users.admin.id);
    expect(job.data.requestId).toBe(filed.body.id);
    const graceEnds = new Date(job.data.notBefore).getTime();
    expect(graceEnds - clock.nowMs()).toBe(14 * DAY_MS);
    expect(new Date(job.start_after).getTime()).toBeGreaterThan(Date.now() + 13 * DAY_MS);

    // Before the grace period ends the job erases nothing.
    const accounts = app.app.get(PrivacyRequestAccountErasure);
    expect(await accounts.run(job.data as never)).toBeNull();
    clock.advance(14 * DAY_MS + 60_000);
    const erasureId = await accounts.run(job.data as never);
    expect(erasureId).toEqual(expect.any(String));
    await app.app.get(ErasureService).run(org.organizationId, erasureId as string);
    officer = await bearerFor(app, org.users.privacy_officer.email);
    const receipts = await app.db.query<{ category: string }>(
      'SELECT category FROM erasure_receipts WHERE erasure_id = $1 AND completed_at IS NOT NULL',
      [erasureId],
    );
    expect(receipts.map((receipt) => receipt.category)).toContain('identity.account');
    const history = (
      await http().get(`/api/v1/privacy-requests/${filed.body.id}`).set('authorization', officer).expect(200)
    ).body.history as Array<{ type: string; details: Record<string, unknown> }>;
    expect(history.filter((event) => event.type === 'fulfilment').map((event) => event.details.fulfilment)).toEqual([
      'erasure_scheduled',
      'erasure_started',
    ]);
  });

  it('should deactivate a user when the officer confirms them on an erasure request, and not erase if it is cancelled', async () => {
    officer = await bearerFor(app, org.users.privacy_officer.email);
    const agent = await signIn(org.users.agent.email);
    const logged = await http()
      .post('/api/v1/privacy-requests')
      .set('authorization', officer)
      .send({
        type: 'erasure',
        channel: 'email',
        email: org.users.agent.email,
        fullName: 'Agent',
        identityCheck: 'Replied from the address on file',
      })
      .expect(201);
    await http().get('/api/v1/profile').set('authorization', agent.bearer).expect(200);
    const matched = await http()
      .post(`/api/v1/privacy-requests/${logged.body.id}/matches`)
      .set('authorization', officer)
      .send({ version: logged.body.version, subjects: [{ kind: 'user', id: org.users.agent.id }] })
      .expect(200);
    expectProblem(await http().get('/api/v1/profile').set('authorization', agent.bearer), 401, 'session-expired');
    expect((await agent.refresh()).status).toBe(401);
    const current = (await http().get(`/api/v1/privacy-requests/${logged.body.id}`).set('authorization', officer)).body;
    expect(current).toMatchObject({ fulfilment: 'erasure_scheduled', version: matched.body.version });
    await http()
      .post(`/api/v1/privacy-requests/${logged.body.id}/cancel`)
      .set('authorization', officer)
      .send({ version: current.version })
      .expect(200);
    const [job] = await scheduledJobs(org.users.agent.id);
    clock.advance(15 * DAY_MS);
    expect(await app.app.get(PrivacyRequestAccountErasure).run(job.data as never)).toBeNull();
    const erasures = await app.db.query('SELECT id FROM erasures WHERE subject_id = $1', [org.users.agent.id]);
    expect(erasures).toHaveLength(0);
  });
});
