import {
  createOrganization,
  createTestApp,
  DAY_MS,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  TestClock,
} from '#testing';
import { SubscriptionRemindersJob } from './subscription-reminders.job.js';

/** Renewal reminders before the end and countdown emails before the purge: each on its day, once. */
describe('subscription reminders', () => {
  let app: TestApp;
  let mail: MailCatcher;
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ clock, env: { SMTP_URL: mail.url, JOBS_POLL_INTERVAL_MS: '500' } });
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  const run = () => app.app.get(SubscriptionRemindersJob).run();
  /** The subscription emails queued for an organization, by kind and days before. */
  const queued = async (organizationId: string) =>
    (
      await app.db.query<{ mail: string }>(
        `SELECT (data->>'mail') || ':' || coalesce(data->>'daysBefore', '') AS mail FROM pgboss.job
          WHERE name = 'subscriptions.mail' AND data->>'organizationId' = $1 ORDER BY created_on`,
        [organizationId],
      )
    ).map((row) => row.mail);
  const setSubscription = (organizationId: string, state: string, endsAt: Date | null, endedAt: Date | null) =>
    app.db.query(
      'UPDATE organizations SET subscription_state = $2, subscription_ends_at = $3, subscription_ended_at = $4 WHERE id = $1',
      [organizationId, state, endsAt, endedAt],
    );

  it('should remind owners and admins 14 and 3 days before the end, each once', async () => {
    const org = await createOrganization(app, ['owner', 'admin', 'agent']);
    const start = clock.nowMs();
    await setSubscription(org.organizationId, 'active', new Date(start + 20 * DAY_MS), null);

    await run();
    expect(await queued(org.organizationId)).toEqual([]);
    clock.set(new Date(start + 6 * DAY_MS + 3_600_000)); // 13 days 23 hours before the end
    await run();
    await run(); // a retry, or a second replica's run, sends nothing more
    expect(await queued(org.organizationId)).toEqual(['renewal:14']);
    const message = await mail.waitForAbout(org.users.admin.email, 'ends in 14 days');
    expect(message.text).toContain('Renew it before then');
    await mail.waitForAbout(org.users.owner.email, 'ends in 14 days');

    clock.set(new Date(start + 16 * DAY_MS)); // 4 days before: nothing new
    await run();
    expect(await queued(org.organizationId)).toEqual(['renewal:14']);
    clock.set(new Date(start + 17 * DAY_MS + 60_000));
    await run();
    await run();
    expect(await queued(org.organizationId)).toEqual(['renewal:14', 'renewal:3']);
    await mail.waitForAbout(org.users.owner.email, 'ends in 3 days');
    // Agents are not billing contacts.
    expect(
      mail.messages.filter(
        (m) => m.text?.includes('subscription') && JSON.stringify(m.to).includes(org.users.agent.email),
      ),
    ).toEqual([]);

    clock.set(new Date(start + 21 * DAY_MS)); // past the end: no more renewal reminders
    await run();
    expect(await queued(org.organizationId)).toEqual(['renewal:14', 'renewal:3']);
  });

  it('should send only the nearest reminder when several fall due at once', async () => {
    const org = await createOrganization(app, ['owner']);
    await setSubscription(org.organizationId, 'trial', new Date(clock.nowMs() + 2 * DAY_MS), null);
    await run();
    await run();
    expect(await queued(org.organizationId)).toEqual(['renewal:3']);
    const [{ recorded }] = await app.db.query<{ recorded: number }>(
      "SELECT count(*)::int AS recorded FROM subscription_reminders WHERE organization_id = $1 AND kind = 'renewal'",
      [org.organizationId],
    );
    expect(recorded).toBe(2);
  });

  it('should count down to the purge 7 days and 1 day before it, once each', async () => {
    const org = await createOrganization(app, ['owner']);
    const endedAt = clock.nowMs();
    await setSubscription(org.organizationId, 'ended', new Date(endedAt), new Date(endedAt));
    const purgeAt = endedAt + 30 * DAY_MS;

    clock.set(new Date(purgeAt - 8 * DAY_MS));
    await run();
    expect(await queued(org.organizationId)).toEqual([]);
    clock.set(new Date(purgeAt - 7 * DAY_MS + 60_000));
    await run();
    await run();
    expect(await queued(org.organizationId)).toEqual(['purge-countdown:7']);
    const message = await mail.waitForAbout(org.users.owner.email, 'will be deleted in 7 days');
    expect(message.text).toContain('deleted for good on');
    clock.set(new Date(purgeAt - DAY_MS + 60_000));
    await run();
    expect(await queued(org.organizationId)).toEqual(['purge-countdown:7', 'purge-countdown:1']);
    await mail.waitForAbout(org.users.owner.email, 'will be deleted in 1 day');
    // Each run leaves its receipt in the platform trail.
    const [{ runs }] = await app.db.query<{ runs: number }>(
      "SELECT count(*)::int AS runs FROM audit_entries WHERE action = 'subscriptions.reminders_sent'",
    );
    expect(runs).toBeGreaterThanOrEqual(13);
  });
});
