import {
  createOrganization,
  createTestApp,
  createTestDatabase,
  type DatabaseProxy,
  expectProblem,
  type MailCatcher,
  parseSetCookies,
  startDatabaseProxy,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  type TestDatabase,
  type TestOrganization,
} from '#testing';

/**
 * With the database unreachable every route answers 503 service-unavailable with
 * Retry-After: a signed-in client must not conclude it was signed out (401), a sign-in
 * must not look like a bug (500), and nothing may claim a success it did not achieve.
 */
describe('database outage', () => {
  let db: TestDatabase;
  let proxy: DatabaseProxy;
  let mail: MailCatcher;
  let sut: TestApp;
  let org: TestOrganization;
  let bearer: string;
  let apiKey: string;
  let browser: { cookie: string; csrf: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = await startDatabaseProxy(db.url);
    mail = await startMailCatcher();
    sut = await createTestApp({ db, env: { DATABASE_URL: proxy.url, SMTP_URL: mail.url } });
    org = await createOrganization(sut, ['owner', 'admin']);
    const signIn = await sut
      .http()
      .post('/api/v1/auth/sign-in')
      .send({ email: org.users.admin.email, password: TEST_PASSWORD })
      .expect(200);
    bearer = `Bearer ${signIn.body.accessToken}`;
    const cookies = parseSetCookies(signIn.headers['set-cookie']);
    browser = {
      cookie: `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`,
      csrf: cookies.steward_csrf.value,
    };
    const key = await sut
      .http()
      .post('/api/v1/api-keys')
      .set('authorization', bearer)
      .send({ name: 'Outage probe', scopes: ['branches:read'] })
      .expect(201);
    apiKey = key.body.secret;
  });
  afterAll(async () => {
    await proxy.up();
    await sut.close();
    await proxy.close();
    await mail.close();
    await db.close();
  });

  const expectOutage = (response: Parameters<typeof expectProblem>[0]) => {
    expectProblem(response, 503, 'service-unavailable');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('should answer 503 with Retry-After on every kind of route while the database is down, then recover', async () => {
    await proxy.down();
    try {
      expectOutage(await sut.http().get('/api/v1/branches').set('authorization', bearer));
      expectOutage(await sut.http().get('/api/v1/branches').set('x-api-key', apiKey));
      expectOutage(
        await sut.http().post('/api/v1/auth/sign-in').send({ email: org.users.owner.email, password: TEST_PASSWORD }),
      );
      expectOutage(await sut.http().post('/api/v1/auth/password-reset').send({ email: org.users.owner.email }));
      expectOutage(await sut.http().post('/api/v1/auth/verify-email/resend').send({ email: org.users.owner.email }));
      expectOutage(await sut.http().get('/api/v1/health/ready'));

      // The refresh fails for now, but the browser keeps its session cookies.
      const refresh = await sut
        .http()
        .post('/api/v1/auth/refresh')
        .set('cookie', browser.cookie)
        .set('x-csrf-token', browser.csrf);
      expectOutage(refresh);
      expect(refresh.headers['set-cookie']).toBeUndefined();
    } finally {
      await proxy.up();
    }
    // No reset mail was claimed and none went out; once back, the same requests succeed.
    expect(mail.messages).toHaveLength(0);
    await sut.http().get('/api/v1/branches').set('authorization', bearer).expect(200);
    await sut.http().get('/api/v1/branches').set('x-api-key', apiKey).expect(200);
    await sut
      .http()
      .post('/api/v1/auth/refresh')
      .set('cookie', browser.cookie)
      .set('x-csrf-token', browser.csrf)
      .expect(200);
    await sut.http().post('/api/v1/auth/password-reset').send({ email: org.users.owner.email }).expect(202);
    await mail.waitFor(org.users.owner.email);
  });

  it('should not log a stack trace per request during an outage', async () => {
    const errors = sut.logs.filter((line) => line.msg === 'Unhandled error');
    expect(errors).toEqual([]);
    expect(sut.logs.some((line) => line.msg === 'The database cannot be reached')).toBe(true);
  });
});
