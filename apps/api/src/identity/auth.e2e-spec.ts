import {
  createOrganization,
  createTestApp,
  expectProblem,
  parseSetCookies,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

describe('auth', () => {
  let app: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'agent']);
  });
  afterAll(() => app.close());

  const signIn = (email: string, password = TEST_PASSWORD, keepSignedIn?: boolean) =>
    app.http().post('/api/v1/auth/sign-in').send({ email, password, keepSignedIn });

  /** The Cookie header and CSRF header a browser would send after this response. */
  const browserState = (response: { headers: Record<string, unknown> }) => {
    const cookies = parseSetCookies(response.headers['set-cookie'] as string[]);
    return {
      cookie: `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`,
      csrf: cookies.steward_csrf.value,
    };
  };
  const refresh = (state: { cookie: string; csrf: string }) =>
    app.http().post('/api/v1/auth/refresh').set('cookie', state.cookie).set('x-csrf-token', state.csrf);

  it('should sign in with email in any case and answer a working access token', async () => {
    const response = await signIn(org.users.agent.email.toUpperCase()).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { role: 'agent' } });
    const me = await app.http().get('/api/v1/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: org.users.agent.id, email: org.users.agent.email, role: 'agent' });
  });

  it('should set a secure, httpOnly, strict refresh cookie that dies with the browser by default', async () => {
    const cookies = parseSetCookies((await signIn(org.users.owner.email).expect(200)).headers['set-cookie']);
    expect(cookies.steward_refresh.attributes).toEqual(
      expect.arrayContaining(['Path=/api/v1/auth', 'HttpOnly', 'Secure', 'SameSite=Strict']),
    );
    expect(cookies.steward_refresh.attributes.some((attribute) => /^(Max-Age|Expires)=/.test(attribute))).toBe(false);
    expect(cookies.steward_csrf.attributes).not.toContain('HttpOnly');
  });

  it('should make the cookie last 30 days with "keep me signed in"', async () => {
    const cookies = parseSetCookies(
      (await signIn(org.users.owner.email, TEST_PASSWORD, true).expect(200)).headers['set-cookie'],
    );
    const maxAge = Number(cookies.steward_refresh.attributes.find((a) => a.startsWith('Max-Age='))?.split('=')[1]);
    expect(maxAge).toBeGreaterThan(29 * 86_400);
    expect(maxAge).toBeLessThanOrEqual(30 * 86_400);
  });

  it('should answer an unknown email and a wrong password identically', async () => {
    const unknown = await signIn('nobody@example.test');
    const wrong = await signIn(org.users.owner.email, 'not the right passphrase');
    expectProblem(unknown, 401, 'invalid-credentials');
    expectProblem(wrong, 401, 'invalid-credentials');
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('should refuse bad sign-in input with field errors', async () => {
    const response = await app
      .http()
      .post('/api/v1/auth/sign-in')
      .send({ email: 'not-an-email', password: '', admin: true });
    expectProblem(response, 400, 'validation-failed');
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'admin',
      'email',
      'password',
    ]);
  });

  it('should require a bearer token everywhere but public routes', async () => {
    expectProblem(await app.http().get('/api/v1/auth/me'), 401, 'unauthenticated');
    expectProblem(
      await app.http().get('/api/v1/auth/me').set('authorization', 'Bearer not.a.token'),
      401,
      'unauthenticated',
    );
    await app.http().get('/api/v1/health').expect(200);
  });

  it('should rotate the refresh token, and treat a replayed one as theft', async () => {
    const first = browserState(await signIn(org.users.owner.email).expect(200));
    const rotated = await refresh(first).expect(200);
    const second = browserState(rotated);
    expect(second.cookie).not.toBe(first.cookie);

    expectProblem(await refresh(first), 401, 'session-expired');
    // The thief's replay revoked the whole family: the legitimate holder is out too.
    expectProblem(await refresh(second), 401, 'session-expired');
    const me = await app.http().get('/api/v1/auth/me').set('authorization', `Bearer ${rotated.body.accessToken}`);
    expectProblem(me, 401, 'session-expired');
  });

  it('should refuse a cookie-authenticated refresh without the CSRF header', async () => {
    const state = browserState(await signIn(org.users.owner.email).expect(200));
    expectProblem(await app.http().post('/api/v1/auth/refresh').set('cookie', state.cookie), 403, 'csrf-failed');
    expectProblem(
      await app.http().post('/api/v1/auth/refresh').set('cookie', state.cookie).set('x-csrf-token', 'guess'),
      403,
      'csrf-failed',
    );
  });

  it('should refuse a matching CSRF cookie and header that belong to no session or another one', async () => {
    const state = browserState(await signIn(org.users.owner.email).expect(200));
    const refreshOnly = state.cookie.split('; ')[0];
    // A planted pair (someone who can write cookies, e.g. on a sibling subdomain) matches itself.
    const planted = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expectProblem(
      await app
        .http()
        .post('/api/v1/auth/refresh')
        .set('cookie', `${refreshOnly}; steward_csrf=${planted}`)
        .set('x-csrf-token', planted),
      403,
      'csrf-failed',
    );
    // Another session's valid token does not open this one either.
    const other = browserState(await signIn(org.users.agent.email).expect(200));
    expectProblem(
      await app
        .http()
        .post('/api/v1/auth/refresh')
        .set('cookie', `${refreshOnly}; steward_csrf=${other.csrf}`)
        .set('x-csrf-token', other.csrf),
      403,
      'csrf-failed',
    );
    // The session's own token still works, and the rotated session gets a new one.
    const rotated = await refresh(state).expect(200);
    expect(browserState(rotated).csrf).not.toBe(state.csrf);
  });

  it('should end the session on sign-out, for the cookie and the access token', async () => {
    const response = await signIn(org.users.owner.email).expect(200);
    const state = browserState(response);
    await app
      .http()
      .post('/api/v1/auth/sign-out')
      .set('cookie', state.cookie)
      .set('x-csrf-token', state.csrf)
      .expect(204);
    expectProblem(await refresh(state), 401, 'session-expired');
    const me = await app.http().get('/api/v1/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expectProblem(me, 401, 'session-expired');
  });

  it('should record the device of a session without logging it', async () => {
    await signIn(org.users.owner.email).set('user-agent', 'DeviceCheck/1.0').expect(200);
    const rows = await app.db.query<{ user_agent: string; ip: string }>(
      "SELECT user_agent, ip FROM sessions WHERE user_agent = 'DeviceCheck/1.0'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(app.logs)).not.toContain('DeviceCheck');
    expect(JSON.stringify(app.logs)).not.toContain(TEST_PASSWORD);
  });
});
