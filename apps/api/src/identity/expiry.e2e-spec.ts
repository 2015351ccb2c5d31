import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  linkIn,
  type MailCatcher,
  parseSetCookies,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { LINK_LIFETIME_MINUTES } from './account-links.js';

const MINUTE_MS = 60_000;

/**
 * Deadlines proven by moving the app's clock, never by sleeping or backdating rows. The clock
 * starts at the real "now" and only moves forward: the database stamps some columns itself.
 */
describe('expiry on the clock', () => {
  const clock = new TestClock(new Date());
  let mail: MailCatcher;
  let app: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ clock, env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' } });
    org = await createOrganization(app, ['owner', 'agent', 'viewer']);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  const http = () => app.http();
  const tokenIn = async (email: string, path: string) =>
    linkIn(await mail.waitFor(email), `https://crm.example.test${path}?token=`).searchParams.get('token') as string;

  it('should accept an invitation within 7 days and refuse it after', async () => {
    expect(LINK_LIFETIME_MINUTES.invitation).toBe(7 * 24 * 60);
    const owner = await bearerFor(app, org.users.owner.email);
    const branch = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' })).body.id;
    const invite = (email: string) =>
      http()
        .post('/api/v1/users/invitations')
        .set('authorization', owner)
        .send({ email, fullName: 'Invited Person', role: 'agent', branchIds: [branch] })
        .expect(201);
    await invite('early.bird@example.test');
    await invite('late.comer@example.test');
    const early = await tokenIn('early.bird@example.test', '/accept-invitation');
    const late = await tokenIn('late.comer@example.test', '/accept-invitation');
    const accept = (token: string) =>
      http().post('/api/v1/auth/invitations/accept').send({ token, password: TEST_PASSWORD, confirmAge: true });

    clock.advance(7 * DAY_MS - MINUTE_MS);
    await http().post('/api/v1/auth/invitations/preview').send({ token: late }).expect(200);
    await accept(early).expect(204);

    clock.advance(2 * MINUTE_MS);
    expectProblem(await http().post('/api/v1/auth/invitations/preview').send({ token: late }), 404, 'not-found');
    expectProblem(await accept(late), 404, 'not-found');
  });

  it('should let a password-reset link work for its lifetime and not a minute longer', async () => {
    const lifetime = LINK_LIFETIME_MINUTES['password-reset'] * MINUTE_MS;
    const request = (email: string) => http().post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const confirm = (token: string) =>
      http().post('/api/v1/auth/password-reset/confirm').send({ token, password: 'a brand new long passphrase' });
    await request(org.users.agent.email);
    await request(org.users.viewer.email);
    const inTime = await tokenIn(org.users.agent.email, '/reset-password');
    const tooLate = await tokenIn(org.users.viewer.email, '/reset-password');

    clock.advance(lifetime - MINUTE_MS);
    await confirm(inTime).expect(204);

    clock.advance(MINUTE_MS);
    expectProblem(await confirm(tooLate), 404, 'not-found');
    await bearerFor(app, org.users.viewer.email);
  });

  type Answer = { headers: Record<string, unknown>; body: { accessToken: string } };
  /** POST /auth/refresh as the browser holding the cookies of `response`. */
  const refresh = (response: Answer) => {
    const cookies = parseSetCookies(response.headers['set-cookie'] as string[]);
    return http()
      .post('/api/v1/auth/refresh')
      .set('cookie', `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`)
      .set('x-csrf-token', cookies.steward_csrf.value);
  };
  const me = (response: Answer) =>
    http().get('/api/v1/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
  const signIn = (email: string, keepSignedIn: boolean) =>
    http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD, keepSignedIn }).expect(200);

  it('should end a browser session 12 hours after sign-in, refreshes included', async () => {
    const session = await signIn(org.users.viewer.email, false);

    clock.advance(12 * 3_600_000 - MINUTE_MS);
    const refreshed = await refresh(session).expect(200);
    await me(refreshed).expect(200);

    clock.advance(MINUTE_MS);
    expectProblem(await me(refreshed), 401, 'session-expired');
    expectProblem(await refresh(refreshed), 401, 'session-expired');
  });

  it('should keep a "keep me signed in" session for the organization’s days, then end it', async () => {
    const owner = await bearerFor(app, org.users.owner.email);
    const { persistentSessionDays } = (await http().get('/api/v1/organization').set('authorization', owner)).body;
    expect(persistentSessionDays).toBeGreaterThan(1);
    const session = await signIn(org.users.owner.email, true);

    // Each refresh starts the period again, so this one is a day before its end...
    clock.advance((persistentSessionDays - 1) * DAY_MS);
    const refreshed = await refresh(session).expect(200);
    // ...and the next is refused once the full period has passed since it.
    clock.advance(persistentSessionDays * DAY_MS - MINUTE_MS);
    await me(refreshed).expect(200);
    clock.advance(MINUTE_MS);
    expectProblem(await me(refreshed), 401, 'session-expired');
    expectProblem(await refresh(refreshed), 401, 'session-expired');
  });
});
