import { Redis } from 'ioredis';
import {
  createOrganization,
  createTestApp,
  expectProblem,
  parseSetCookies,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';

describe('sign-in protection', () => {
  let app: TestApp;
  let org: TestOrganization;
  // Starts at the real "now" and stands still: a lockout lifts only when the test moves it.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    app = await createTestApp({ clock });
    org = await createOrganization(app, ['owner', 'agent']);
  });
  afterAll(() => app.close());

  const signIn = (email: string, password: string) => app.http().post('/api/v1/auth/sign-in').send({ email, password });

  it('should lock an account out after repeated wrong passwords, even for the right one', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await signIn(org.users.agent.email, `wrong guess number ${attempt}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const locked = await signIn(org.users.agent.email, TEST_PASSWORD);
    expectProblem(locked, 429, 'sign-in-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.detail).toMatch(/Try again in \d+ minute/);
  });

  it('should lock an unknown email the same way, revealing nothing', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await signIn('nobody.here@example.test', `guess ${attempt} of many`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('should let others in from the same address, and the owner back in when the lock expires', async () => {
    await app
      .http()
      .post('/api/v1/auth/sign-in')
      .send({ email: org.users.owner.email, password: TEST_PASSWORD })
      .expect(200);
    const locked = await signIn(org.users.agent.email, TEST_PASSWORD);
    expectProblem(locked, 429, 'sign-in-locked');
    const retryAfterMs = Number(locked.headers['retry-after']) * 1000;
    clock.advance(retryAfterMs - 1_000);
    expectProblem(await signIn(org.users.agent.email, TEST_PASSWORD), 429, 'sign-in-locked');
    clock.advance(1_000);
    await signIn(org.users.agent.email, TEST_PASSWORD).expect(200);
    // Success forgets the email's failures: one more mistake does not lock again.
    expect((await signIn(org.users.agent.email, 'one more wrong guess')).status).toBe(401);
    await signIn(org.users.agent.email, TEST_PASSWORD).expect(200);
  });

  it('should store neither emails nor addresses in the attempts table', async () => {
    const rows = await app.db.query<{ key: string }>('SELECT key FROM sign_in_attempts');
    expect(rows.length).toBeGreaterThan(0);
    const keys = rows.map((row) => row.key).join(' ');
    expect(keys).not.toMatch(/@|127\.0\.0\.1|nobody/);
    expect(keys).toMatch(/email:/);
  });
});

describe('request rate limits', () => {
  it('should answer 429 problem+json past the sign-in limit', async () => {
    const app = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push(
          (await app.http().post('/api/v1/auth/sign-in').send({ email: 'a@example.test', password: 'x' })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await app.http().post('/api/v1/auth/sign-in').send({ email: 'a@example.test', password: 'x' });
      expectProblem(limited, 429, 'rate-limited');
      // Other routes keep their own, larger budget.
      await app.http().get('/api/v1/health').expect(200);
    } finally {
      await app.close();
    }
  });

  it('should budget per session and per key, never limit health, and not count refreshes as sign-ins', async () => {
    const app = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5', SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const org = await createOrganization(app, ['owner', 'viewer']);
      const signIn = (email: string) =>
        app.http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
      const [heavy, light] = [await signIn(org.users.owner.email), await signIn(org.users.viewer.email)];
      // One colleague behind the office's address spends their budget...
      const me = (response: typeof heavy) =>
        app.http().get('/api/v1/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
      const heavyStatuses: number[] = [];
      for (let i = 0; i < 6; i++) heavyStatuses.push((await me(heavy)).status);
      expect(heavyStatuses).toEqual([200, 200, 200, 200, 200, 429]);
      // ...and the other, from the same address, is not punished for it.
      await me(light).expect(200);
      // Health probes are never limited, however many.
      for (let i = 0; i < 8; i++) await app.http().get('/api/v1/health/ready').expect(200);
      // Refreshing is not signing in: past the sign-in budget (2), refreshes still work.
      const cookies = parseSetCookies(light.headers['set-cookie']);
      let state = { refresh: cookies.steward_refresh.value, csrf: cookies.steward_csrf.value };
      for (let i = 0; i < 3; i++) {
        const refreshed = await app
          .http()
          .post('/api/v1/auth/refresh')
          .set('cookie', `steward_refresh=${state.refresh}; steward_csrf=${state.csrf}`)
          .set('x-csrf-token', state.csrf)
          .expect(200);
        const next = parseSetCookies(refreshed.headers['set-cookie']);
        state = { refresh: next.steward_refresh.value, csrf: next.steward_csrf.value };
      }
    } finally {
      await app.close();
    }
  });

  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
  it('should share counters between replicas through Redis', async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.flushdb();
    await redis.quit();
    const env = { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: redisUrl };
    const first = await createTestApp({ env });
    const second = await createTestApp({ env, db: first.db });
    try {
      const attempt = (replica: TestApp) =>
        replica.http().post('/api/v1/auth/sign-in').send({ email: 'b@example.test', password: 'x' });
      const statuses = [
        (await attempt(first)).status,
        (await attempt(second)).status,
        (await attempt(first)).status,
        (await attempt(second)).status,
      ];
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
