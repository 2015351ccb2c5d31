import {
  createTestApp,
  DAY_MS,
  linkIn,
  type MailCatcher,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
} from '#testing';
import { OrganizationPurgeJob } from './organization-purge.job.js';

/** A sign-up never confirmed by email is purged after RETENTION_UNCONFIRMED_SIGN_UP_DAYS; a confirmed one stays. */
describe('unconfirmed sign-ups', () => {
  let app: TestApp;
  let mail: MailCatcher;
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ clock, env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' } });
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  const signUp = async (email: string, organizationName: string) => {
    await app
      .http()
      .post('/api/v1/auth/sign-up')
      .send({
        organizationName,
        fullName: 'Una Unconfirmed',
        email,
        password: TEST_PASSWORD,
        dateOfBirth: '1990-04-23',
      })
      .expect(202);
    const [{ organization_id }] = await app.db.query<{ organization_id: string }>(
      'SELECT organization_id FROM users ORDER BY created_at DESC LIMIT 1',
    );
    return organization_id;
  };
  const rowsOf = async (organizationId: string) =>
    (
      await app.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM organizations WHERE id = $1)
              + (SELECT count(*) FROM users WHERE organization_id = $1)
              + (SELECT count(*) FROM one_time_tokens WHERE organization_id = $1) AS n`,
        [organizationId],
      )
    )[0].n;

  it('should purge the organization of a sign-up nobody confirmed, and keep a confirmed one', async () => {
    const abandoned = await signUp('una.abandoned@example.test', 'Abandoned Ltd');
    const confirmed = await signUp('carl.confirmed@example.test', 'Confirmed Ltd');
    const token = linkIn(
      await mail.waitFor('carl.confirmed@example.test'),
      'https://crm.example.test/verify-email?token=',
    ).searchParams.get('token');
    await app.http().post('/api/v1/auth/verify-email').send({ token }).expect(204);
    expect(Number(await rowsOf(abandoned))).toBeGreaterThan(1);

    const job = app.app.get(OrganizationPurgeJob);
    clock.advance(6 * DAY_MS);
    expect((await job.run())[abandoned]).toBeUndefined();
    clock.advance(2 * DAY_MS);
    expect((await job.run())[abandoned]).toBe('purged');
    expect(Number(await rowsOf(abandoned))).toBe(0);
    expect(Number(await rowsOf(confirmed))).toBeGreaterThan(1);
    const [receipt] = await app.db.query<{ details: { unconfirmedSignUps: number } }>(
      `SELECT details FROM audit_entries WHERE action = 'subscriptions.purge_ran' ORDER BY seq DESC LIMIT 1`,
    );
    expect(receipt.details.unconfirmedSignUps).toBe(1);
  });
});
