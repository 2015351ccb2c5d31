import {
  createOrganization,
  createTestApp,
  expectProblem,
  linkIn,
  type MailCatcher,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
} from '#testing';
import { ageOn } from './age-gate.js';

describe('self sign-up with the age gate and email verification', () => {
  let mail: MailCatcher;
  let app: TestApp;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' } });
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  let counter = 0;
  const person = (overrides: Record<string, unknown> = {}) => ({
    organizationName: 'Riverside Plumbing',
    fullName: 'Rita Rivers',
    email: `rita.${++counter}.${Date.now()}@example.test`,
    password: TEST_PASSWORD,
    dateOfBirth: '1990-04-23',
    ...overrides,
  });
  const signUp = (body: object) => app.http().post('/api/v1/auth/sign-up').send(body);
  const signIn = (email: string, password = TEST_PASSWORD) =>
    app.http().post('/api/v1/auth/sign-in').send({ email, password });
  const tokenOf = async (email: string, path: string) =>
    linkIn(await mail.waitFor(email), `https://crm.example.test${path}?token=`).searchParams.get('token') as string;
  const counts = async () =>
    (
      await app.db.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM organizations) || '/' || (SELECT count(*) FROM users) || '/' ||
                (SELECT count(*) FROM subject_keys) || '/' || (SELECT count(*) FROM one_time_tokens) AS n`,
      )
    )[0].n;

  it('should create an organization whose owner signs in only after confirming the email', async () => {
    const body = person();
    const response = await signUp(body);
    expect(response.status).toBe(202);
    expect(response.text).toBe('');

    expectProblem(await signIn(body.email), 403, 'email-not-verified');
    // A wrong password still gets the plain answer: only the password holder learns more.
    expectProblem(await signIn(body.email, 'not the right passphrase'), 401, 'invalid-credentials');

    const message = await mail.waitFor(body.email);
    expect(message.subject).toBe('Confirm your email for Steward CRM');
    const token = await tokenOf(body.email, '/verify-email');
    await app.http().post('/api/v1/auth/verify-email').send({ token }).expect(204);
    expectProblem(await app.http().post('/api/v1/auth/verify-email').send({ token }), 404, 'not-found');

    const signedIn = await signIn(body.email).expect(200);
    expect(signedIn.body.user).toMatchObject({ email: body.email, fullName: 'Rita Rivers', role: 'owner' });
    const organization = await app
      .http()
      .get('/api/v1/organization')
      .set('authorization', `Bearer ${signedIn.body.accessToken}`);
    expect(organization.body).toMatchObject({ name: 'Riverside Plumbing', minUserAge: 18, subscriptionState: 'trial' });
  });

  it('should accept an age confirmation instead of a date of birth', async () => {
    const { dateOfBirth: _, ...rest } = person();
    await signUp({ ...rest, confirmAge: true }).expect(202);
    await mail.waitFor(rest.email);
  });

  it('should refuse anyone under 18 and keep nothing of them, not even in the logs', async () => {
    const before = await counts();
    const sent = mail.messages.length;
    const today = new Date();
    const seventeen = `${today.getUTCFullYear() - 17}-01-01`;
    const minor = person({ dateOfBirth: seventeen, fullName: 'Minnie Minor' });
    const refused = await signUp(minor);
    expectProblem(refused, 403, 'under-minimum-age');
    expect(refused.body.detail).toContain('Nothing you entered has been kept');

    const { dateOfBirth: _, ...withoutDate } = person({ fullName: 'Minnie Minor' });
    expectProblem(await signUp({ ...withoutDate, confirmAge: false }), 403, 'under-minimum-age');

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await counts()).toBe(before);
    expect(mail.messages.length).toBe(sent);
    const logs = JSON.stringify(app.logs);
    for (const secret of [minor.email, 'Minnie Minor', seventeen]) expect(logs).not.toContain(secret);
  });

  it('should ask for a date of birth or a confirmation, and check the date', async () => {
    const { dateOfBirth: _, ...withoutAge } = person();
    const missing = await signUp(withoutAge);
    expectProblem(missing, 400, 'validation-failed');
    expect(missing.body.errors).toEqual([
      { field: 'dateOfBirth', message: 'Give your date of birth or confirm you are at least 18' },
    ]);
    expectProblem(await signUp(person({ dateOfBirth: '2001-02-30' })), 400, 'validation-failed');
    expectProblem(await signUp(person({ dateOfBirth: '23/04/1990' })), 400, 'validation-failed');
    expectProblem(await signUp(person({ dateOfBirth: '2999-01-01' })), 400, 'validation-failed');
  });

  it('should count birthdays exactly', () => {
    const today = new Date(Date.UTC(2026, 10, 21));
    expect(ageOn('2008-11-21', today)).toBe(18);
    expect(ageOn('2008-11-22', today)).toBe(17);
    expect(ageOn('2008-02-29', today)).toBe(18);
  });

  it('should answer the same for an address that already has an account, and tell its owner instead', async () => {
    const existing = await createOrganization(app, ['owner']);
    const before = await counts();
    const response = await signUp(person({ email: existing.users.owner.email }));
    expect(response.status).toBe(202);
    expect(response.text).toBe('');
    const note = await mail.waitFor(existing.users.owner.email);
    expect(note.subject).toBe('You already have a Steward CRM account');
    expect(await counts()).toBe(before);
  });

  it('should refuse a weak password with a message for the field, and unknown fields', async () => {
    const weak = await signUp(person({ password: 'password1234' }));
    expectProblem(weak, 400, 'validation-failed');
    expect(weak.body.errors[0].field).toBe('password');
    expectProblem(await signUp({ ...person(), plan: 'enterprise' }), 400, 'validation-failed');
  });

  it('should resend a confirmation link that replaces the first, and say nothing about unknown addresses', async () => {
    const body = person();
    await signUp(body).expect(202);
    const first = await tokenOf(body.email, '/verify-email');
    mail.messages.length = 0;
    await app.http().post('/api/v1/auth/verify-email/resend').send({ email: body.email }).expect(202);
    const second = await tokenOf(body.email, '/verify-email');
    expect(second).not.toBe(first);
    expectProblem(await app.http().post('/api/v1/auth/verify-email').send({ token: first }), 404, 'not-found');
    await app.http().post('/api/v1/auth/verify-email').send({ token: second }).expect(204);

    const unknown = await app.http().post('/api/v1/auth/verify-email/resend').send({ email: 'nobody@example.test' });
    expect(unknown.status).toBe(202);
  });

  it('should store the new owner sealed: no name or email in the table', async () => {
    const body = person({ fullName: 'Sealed Sally' });
    await signUp(body).expect(202);
    const rows = await app.db.query<Record<string, unknown>>('SELECT * FROM users');
    const raw = JSON.stringify(
      rows.map((row) => Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : value))),
    );
    expect(raw).not.toContain(body.email);
    expect(raw).not.toContain('Sealed Sally');
  });
});
