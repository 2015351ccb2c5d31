import {
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  runRetentionRule,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { AppSettings } from '../config/settings.module.js';

describe('your sessions', () => {
  let app: TestApp;
  let org: TestOrganization;
  // Starts at the real "now": the database stamps some columns itself.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    app = await createTestApp({ clock });
    org = await createOrganization(app, ['owner', 'agent']);
  });
  afterAll(() => app.close());

  const signIn = async (email: string, device: string) => {
    const response = await app
      .http()
      .post('/api/v1/auth/sign-in')
      .set('user-agent', device)
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    return `Bearer ${response.body.accessToken}`;
  };
  const list = (token: string) => app.http().get('/api/v1/auth/sessions').set('authorization', token);

  it('should list each signed-in device once, marking the current one', async () => {
    const laptop = await signIn(org.users.agent.email, 'Laptop/1.0');
    await signIn(org.users.agent.email, 'Phone/2.0');
    const response = await list(laptop).expect(200);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userAgent: 'Laptop/1.0', current: true, persistent: false }),
        expect.objectContaining({ userAgent: 'Phone/2.0', current: false }),
      ]),
    );
  });

  it('should sign one device out, and refuse to touch anyone else’s', async () => {
    const laptop = await signIn(org.users.owner.email, 'Laptop/1.0');
    const phone = await signIn(org.users.owner.email, 'Phone/2.0');
    const phoneSession = (await list(laptop)).body.items.find(
      (item: { userAgent: string }) => item.userAgent === 'Phone/2.0',
    );

    const agent = await signIn(org.users.agent.email, 'Agent/1.0');
    expectProblem(
      await app.http().delete(`/api/v1/auth/sessions/${phoneSession.id}`).set('authorization', agent),
      404,
      'not-found',
    );
    await app.http().get('/api/v1/auth/me').set('authorization', phone).expect(200);

    await app.http().delete(`/api/v1/auth/sessions/${phoneSession.id}`).set('authorization', laptop).expect(204);
    expectProblem(await app.http().get('/api/v1/auth/me').set('authorization', phone), 401, 'session-expired');
    await app.http().get('/api/v1/auth/me').set('authorization', laptop).expect(200);
  });

  it('should log out everywhere', async () => {
    const first = await signIn(org.users.agent.email, 'One/1.0');
    const second = await signIn(org.users.agent.email, 'Two/1.0');
    await app.http().post('/api/v1/auth/sessions/revoke-all').set('authorization', first).expect(204);
    for (const token of [first, second]) {
      expectProblem(await app.http().get('/api/v1/auth/me').set('authorization', token), 401, 'session-expired');
    }
  });

  it('should purge sessions ended past retention and failure counters older than a day', async () => {
    await signIn(org.users.agent.email, 'Old laptop');
    await app.http().post('/api/v1/auth/sign-in').send({ email: org.users.agent.email, password: 'wrong wrong wrong' });
    const purge = async () =>
      (await runRetentionRule(app, 'sessions')) + (await runRetentionRule(app, 'sign-in-failures'));
    // A browser session ends after 12 hours; its row is kept for the retention period after that.
    clock.advance(app.app.get(AppSettings).retention.endedSessionDays * DAY_MS);
    const sessionsOf = () =>
      app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [org.users.agent.id]);
    const sessionsBefore = await sessionsOf();
    expect(sessionsBefore[0].n).toBeGreaterThan(0);
    // Only the failure counters (per email and per address) are older than a day so far.
    expect(await purge()).toBe(2);
    expect(await sessionsOf()).toEqual(sessionsBefore);
    clock.advance(DAY_MS);
    expect(await purge()).toBeGreaterThanOrEqual(1);
    const left = await app.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM sessions WHERE user_id = $1)::int + (SELECT count(*) FROM sign_in_attempts)::int AS n`,
      [org.users.agent.id],
    );
    expect(left).toEqual([{ n: 0 }]);
  });
});
