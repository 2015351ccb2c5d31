import { generate } from 'otplib';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

/** A code for the time step `offset` steps from now (a step is 30 s; tolerance is one step). */
const codeAt = (secret: string, offset: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describe('two-step verification', () => {
  let app: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'manager', 'agent']);
  });
  afterAll(() => app.close());

  const post = (path: string, body: object, token?: string) => {
    const request = app.http().post(`/api/v1${path}`);
    return (token ? request.set('authorization', token) : request).send(body);
  };

  async function enrol(email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const token = await bearerFor(app, email);
    const started = await post('/auth/mfa/enrolment', {}, token).expect(201);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Steward%20CRM:/);
    expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const { secret } = started.body;
    expectProblem(await post('/auth/mfa/enrolment/confirm', { code: '000000' }, token), 401, 'mfa-code-invalid');
    const confirmed = await post('/auth/mfa/enrolment/confirm', { code: await codeAt(secret, -1) }, token).expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  it('should enrol with a QR code and then ask for a code at sign-in', async () => {
    const { secret } = await enrol(org.users.manager.email);
    const challenge = await post('/auth/sign-in', { email: org.users.manager.email, password: TEST_PASSWORD });
    expect(challenge.status).toBe(202);
    expect(challenge.headers['set-cookie']).toBeUndefined();
    expect(challenge.body).toEqual({ mfaToken: expect.any(String), expiresIn: 300 });
    // The challenge is not an access token.
    const misuse = await app.http().get('/api/v1/auth/me').set('authorization', `Bearer ${challenge.body.mfaToken}`);
    expectProblem(misuse, 401, 'unauthenticated');

    const code = await codeAt(secret, 0);
    const session = await post('/auth/sign-in/mfa', { mfaToken: challenge.body.mfaToken, code }).expect(200);
    expect(session.body.user).toMatchObject({ email: org.users.manager.email, mfaEnabled: true });
    expect(session.headers['set-cookie']).toBeDefined();

    // The same code cannot be used twice.
    const again = await post('/auth/sign-in', { email: org.users.manager.email, password: TEST_PASSWORD }).expect(202);
    expectProblem(await post('/auth/sign-in/mfa', { mfaToken: again.body.mfaToken, code }), 401, 'mfa-code-invalid');
  });

  it('should accept each recovery code once', async () => {
    const { recoveryCodes } = await enrol(org.users.agent.email);
    const signIn = async () =>
      (await post('/auth/sign-in', { email: org.users.agent.email, password: TEST_PASSWORD }).expect(202)).body
        .mfaToken;
    await post('/auth/sign-in/mfa', { mfaToken: await signIn(), recoveryCode: recoveryCodes[3].toUpperCase() }).expect(
      200,
    );
    const reused = await post('/auth/sign-in/mfa', { mfaToken: await signIn(), recoveryCode: recoveryCodes[3] });
    expectProblem(reused, 401, 'mfa-code-invalid');
    const neither = await post('/auth/sign-in/mfa', { mfaToken: await signIn() });
    expectProblem(neither, 400, 'validation-failed');
  });

  it('should keep the secret and recovery codes out of the table in readable form', async () => {
    const [row] = await app.db.query<{ mfa_secret_enc: Buffer; mfa_recovery_hashes: string[] }>(
      'SELECT mfa_secret_enc, mfa_recovery_hashes FROM users WHERE id = $1',
      [org.users.agent.id],
    );
    expect(row.mfa_secret_enc.toString('latin1')).not.toMatch(/^[A-Z2-7]{16,}$/);
    expect(row.mfa_recovery_hashes).toHaveLength(9);
    expect(row.mfa_recovery_hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it('should restrict a user to enrolment while their organization requires MFA', async () => {
    const required = await createOrganization(app, ['owner', 'viewer']);
    const ownerToken = await bearerFor(app, required.users.owner.email);
    const { version } = (await app.http().get('/api/v1/organization').set('authorization', ownerToken)).body;
    await app
      .http()
      .patch('/api/v1/organization')
      .set('authorization', ownerToken)
      .send({ version, mfaRequired: true })
      .expect(200);

    const viewer = await post('/auth/sign-in', { email: required.users.viewer.email, password: TEST_PASSWORD }).expect(
      200,
    );
    expect(viewer.body.user.mfaEnrolmentRequired).toBe(true);
    const token = `Bearer ${viewer.body.accessToken}`;
    expectProblem(
      await app.http().get('/api/v1/organization').set('authorization', token),
      403,
      'mfa-enrolment-required',
    );
    await app.http().get('/api/v1/auth/me').set('authorization', token).expect(200);

    const { secret } = (await post('/auth/mfa/enrolment', {}, token).expect(201)).body;
    await post('/auth/mfa/enrolment/confirm', { code: await codeAt(secret, 0) }, token).expect(200);
    // A new sign-in (or refresh) carries no restriction once MFA is on.
    const challenge = await post('/auth/sign-in', {
      email: required.users.viewer.email,
      password: TEST_PASSWORD,
    }).expect(202);
    const session = await post('/auth/sign-in/mfa', {
      mfaToken: challenge.body.mfaToken,
      code: await codeAt(secret, 1),
    });
    expect(session.status).toBe(200);
    expect(session.body.user.mfaEnrolmentRequired).toBe(false);
    await app.http().get('/api/v1/organization').set('authorization', `Bearer ${session.body.accessToken}`).expect(200);

    // Turning it off is refused while the organization requires it.
    const off = await post(
      '/auth/mfa/disable',
      { password: TEST_PASSWORD, code: await codeAt(secret, -1) },
      `Bearer ${session.body.accessToken}`,
    );
    expectProblem(off, 409, 'conflict');
  });

  it('should turn MFA off with the password and a code', async () => {
    const { recoveryCodes } = await enrol(org.users.owner.email);
    const challenge = await post('/auth/sign-in', { email: org.users.owner.email, password: TEST_PASSWORD }).expect(
      202,
    );
    const session = await post('/auth/sign-in/mfa', {
      mfaToken: challenge.body.mfaToken,
      recoveryCode: recoveryCodes[0],
    }).expect(200);
    const token = `Bearer ${session.body.accessToken}`;
    expectProblem(
      await post('/auth/mfa/disable', { password: 'wrong password here', recoveryCode: recoveryCodes[1] }, token),
      401,
      'invalid-credentials',
    );
    await post('/auth/mfa/disable', { password: TEST_PASSWORD, recoveryCode: recoveryCodes[1] }, token).expect(204);
    await post('/auth/sign-in', { email: org.users.owner.email, password: TEST_PASSWORD }).expect(200);
  });

  it('should make new recovery codes with the password and a current code, and retire the old set', async () => {
    const mine = await createOrganization(app, ['owner']);
    const email = mine.users.owner.email;
    const regenerate = (body: object, token: string) => post('/auth/mfa/recovery-codes', body, token);
    const before = await bearerFor(app, email);
    // Nothing to regenerate while two-step verification is off.
    expectProblem(await regenerate({ password: TEST_PASSWORD, code: '123456' }, before), 409, 'conflict');

    const { secret, recoveryCodes: old } = await enrol(email);
    const signIn = async (factor: { code?: string; recoveryCode?: string }) => {
      const challenge = await post('/auth/sign-in', { email, password: TEST_PASSWORD }).expect(202);
      return await post('/auth/sign-in/mfa', { mfaToken: challenge.body.mfaToken, ...factor });
    };
    const session = await signIn({ code: await codeAt(secret, 0) });
    expect(session.status).toBe(200);
    const token = `Bearer ${session.body.accessToken}`;
    const fresh = await codeAt(secret, 1);

    expectProblem(
      await regenerate({ password: 'not my password at all', code: fresh }, token),
      401,
      'invalid-credentials',
    );
    expectProblem(await regenerate({ password: TEST_PASSWORD, code: '000000' }, token), 401, 'mfa-code-invalid');
    // A recovery code does not stand in for the app here.
    expectProblem(await regenerate({ password: TEST_PASSWORD, recoveryCode: old[0] }, token), 400, 'validation-failed');
    const answered = await regenerate({ password: TEST_PASSWORD, code: fresh }, token).expect(200);
    const renewed: string[] = answered.body.recoveryCodes;
    expect(renewed).toHaveLength(10);
    expect(new Set(renewed).size).toBe(10);
    expect(renewed.filter((code) => old.includes(code))).toEqual([]);
    // The same app code cannot be replayed for another set.
    expectProblem(await regenerate({ password: TEST_PASSWORD, code: fresh }, token), 401, 'mfa-code-invalid');

    // The old set is gone; each new code works once.
    expectProblem(await signIn({ recoveryCode: old[1] }), 401, 'mfa-code-invalid');
    expect((await signIn({ recoveryCode: renewed[0] })).status).toBe(200);
    expectProblem(await signIn({ recoveryCode: renewed[0] }), 401, 'mfa-code-invalid');
    expect((await signIn({ recoveryCode: renewed[9] })).status).toBe(200);

    const events = await app.http().get('/api/v1/profile/security-events').set('authorization', token).expect(200);
    const regenerated = events.body.items.filter(
      (event: { action: string }) => event.action === 'auth.mfa.recovery_codes_regenerated',
    );
    expect(regenerated).toHaveLength(1);
    expect(regenerated[0]).toMatchObject({ outcome: 'success', byYou: true });
  });

  it('should count regenerating recovery codes with sign-ins for the rate limit', async () => {
    const limited = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const mine = await createOrganization(limited, ['owner']);
      // The sign-in itself is the first of the three.
      const token = await bearerFor(limited, mine.users.owner.email);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await limited
          .http()
          .post('/api/v1/auth/mfa/recovery-codes')
          .set('authorization', token)
          .send({ password: `guess number ${attempt}`, code: '123456' });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([409, 409, 429]);
    } finally {
      await limited.close();
    }
  });
});
