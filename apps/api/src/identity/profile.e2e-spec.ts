import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  linkIn,
  type MailCatcher,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

describe('your own profile, password and email', () => {
  let mail: MailCatcher;
  let app: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' } });
    org = await createOrganization(app, ['owner', 'agent', 'viewer', 'manager']);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  const signIn = (email: string, password = TEST_PASSWORD) =>
    app.http().post('/api/v1/auth/sign-in').send({ email, password });

  it('should show and change the profile, sealed at rest', async () => {
    const agent = await bearerFor(app, org.users.agent.email);
    const before = await app.http().get('/api/v1/profile').set('authorization', agent).expect(200);
    expect(before.body).toMatchObject({
      email: org.users.agent.email,
      fullName: 'Test agent',
      phone: null,
      emailVerified: true,
    });

    const changed = await app
      .http()
      .patch('/api/v1/profile')
      .set('authorization', agent)
      .send({
        fullName: '  Agatha Agent ',
        phone: '+44 113 496 0001',
        jobTitle: 'Field engineer',
        preferences: { language: 'de', theme: 'dark', timeZone: 'Europe/Berlin' },
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      fullName: 'Agatha Agent',
      phone: '+44 113 496 0001',
      jobTitle: 'Field engineer',
      company: null,
      preferences: { language: 'de', theme: 'dark', timeZone: 'Europe/Berlin' },
      version: before.body.version + 1,
    });
    // null clears; omitted stays; preferences merge.
    const cleared = await app
      .http()
      .patch('/api/v1/profile')
      .set('authorization', agent)
      .send({ phone: null, preferences: { theme: 'light' } })
      .expect(200);
    expect(cleared.body).toMatchObject({
      fullName: 'Agatha Agent',
      phone: null,
      jobTitle: 'Field engineer',
      preferences: { language: 'de', theme: 'light', timeZone: 'Europe/Berlin' },
    });

    const [row] = await app.db.query<Record<string, Buffer>>(
      'SELECT full_name_enc, job_title_enc FROM users WHERE id = $1',
      [org.users.agent.id],
    );
    expect(row.full_name_enc.toString('latin1')).not.toContain('Agatha');
    expect(row.job_title_enc.toString('latin1')).not.toContain('Field engineer');
  });

  it('should answer bad profile input with field messages', async () => {
    const agent = await bearerFor(app, org.users.agent.email);
    const bad = await app
      .http()
      .patch('/api/v1/profile')
      .set('authorization', agent)
      .send({ fullName: '', preferences: { timeZone: 'Mars/Olympus', theme: 'neon' } });
    expectProblem(bad, 400, 'validation-failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'fullName',
      'preferences.theme',
      'preferences.timeZone',
    ]);
    expectProblem(
      await app.http().patch('/api/v1/profile').set('authorization', agent).send({ role: 'owner' }),
      400,
      'validation-failed',
    );
    expectProblem(await app.http().get('/api/v1/profile'), 401, 'unauthenticated');
  });

  it('should change the password only with the current one, and sign out the other devices', async () => {
    const email = org.users.viewer.email;
    const here = await bearerFor(app, email);
    const elsewhere = await bearerFor(app, email);
    const change = (currentPassword: string, newPassword: string) =>
      app.http().post('/api/v1/profile/password').set('authorization', here).send({ currentPassword, newPassword });

    const wrong = await change('not my password at all', 'a fresh long passphrase');
    expectProblem(wrong, 400, 'validation-failed');
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    const weak = await change(TEST_PASSWORD, 'password1234');
    expectProblem(weak, 400, 'validation-failed');
    expect(weak.body.errors[0].field).toBe('newPassword');
    await change(TEST_PASSWORD, 'a fresh long passphrase').expect(204);

    await app.http().get('/api/v1/profile').set('authorization', here).expect(200);
    expectProblem(await app.http().get('/api/v1/profile').set('authorization', elsewhere), 401, 'session-expired');
    expectProblem(await signIn(email), 401, 'invalid-credentials');
    await signIn(email, 'a fresh long passphrase').expect(200);
  });

  it('should lock out after repeated wrong current passwords, like sign-in', async () => {
    const owner = await bearerFor(app, org.users.owner.email);
    let last = 0;
    for (let attempt = 0; attempt < 7; attempt++) {
      last = (
        await app
          .http()
          .post('/api/v1/profile/password')
          .set('authorization', owner)
          .send({ currentPassword: `guess number ${attempt} long`, newPassword: 'a fresh long passphrase' })
      ).status;
    }
    expect(last).toBe(429);
  });

  it('should change the email only once the new address confirms, telling the old one', async () => {
    const manager = await bearerFor(app, org.users.manager.email);
    const oldEmail = org.users.manager.email;
    const newEmail = `manager.moved.${Date.now()}@example.test`;
    const request = (email: string, password = TEST_PASSWORD) =>
      app.http().post('/api/v1/profile/email').set('authorization', manager).send({ email, password });

    expectProblem(await request(newEmail, 'wrong password here'), 400, 'validation-failed');
    // A taken address gets the same answer; its owner is told, nothing changes.
    await request(org.users.owner.email).expect(202);
    expect((await mail.waitFor(org.users.owner.email)).subject).toBe('You already have a Steward CRM account');
    expectProblem(await request(oldEmail.toUpperCase()), 400, 'validation-failed');
    await request(newEmail).expect(202);

    const confirmation = await mail.waitFor(newEmail);
    expect(confirmation.subject).toBe('Confirm your new email for Steward CRM');
    const notice = await mail.waitFor(oldEmail);
    expect(notice.subject).toBe('Your Steward CRM email is about to change');
    const token = linkIn(confirmation, 'https://crm.example.test/confirm-email-change?token=').searchParams.get(
      'token',
    ) as string;

    // Nothing changed yet.
    await signIn(oldEmail).expect(200);
    await app.http().post('/api/v1/auth/email-change/confirm').send({ token }).expect(204);
    expectProblem(await app.http().post('/api/v1/auth/email-change/confirm').send({ token }), 404, 'not-found');

    expectProblem(await signIn(oldEmail), 401, 'invalid-credentials');
    const signedIn = await signIn(newEmail).expect(200);
    expect(signedIn.body.user.email).toBe(newEmail);
    // The pending address was sealed in the link's row, never stored in clear.
    const rows = await app.db.query<{ payload_enc: Buffer }>(
      "SELECT payload_enc FROM one_time_tokens WHERE purpose = 'email-change'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].payload_enc.toString('latin1')).not.toContain('manager.moved');
  });

  it('should refuse these routes to API keys', async () => {
    // A fresh organization: the lockout test above locked this one's owner out.
    const owner = await bearerFor(app, (await createOrganization(app)).users.owner.email);
    const created = await app
      .http()
      .post('/api/v1/api-keys')
      .set('authorization', owner)
      .send({ name: 'Integration', scopes: ['users:read'] })
      .expect(201);
    expectProblem(await app.http().get('/api/v1/profile').set('x-api-key', created.body.secret), 403, 'forbidden');
  });
});
