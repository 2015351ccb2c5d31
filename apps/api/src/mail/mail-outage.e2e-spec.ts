import {
  bearerFor,
  createOrganization,
  createTestApp,
  linkIn,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { MailRetryJob } from './mail-retry.job.js';

type OutboxRow = {
  id: string;
  message: string | null;
  attempts: number;
  sent: boolean;
  failed: boolean;
  last_error: string | null;
};

/**
 * The mail server goes down (its port refuses connections) and comes back. Requests that send
 * mail meanwhile answer honestly (an invitation says `queued`; a password reset answers as
 * always), each message waits sealed in the outbox, and the retry job delivers exactly one copy
 * of each once the server is back. A message that keeps failing past MAIL_RETRY_HOURS is given
 * up and its content dropped.
 */
describe('mail server outage', () => {
  // Starts at the real "now": the job engine uses the database's clock.
  const clock = new TestClock(new Date());
  let mail: MailCatcher;
  let app: TestApp;
  let org: TestOrganization;
  let admin: string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({
      clock,
      env: {
        SMTP_URL: mail.url,
        APP_URL: 'https://crm.example.test',
        JOBS_POLL_INTERVAL_MS: '500',
        MAIL_TIMEOUT_MS: '2000',
        MAIL_RETRY_HOURS: '72',
      },
    });
    org = await createOrganization(app, ['owner', 'admin']);
    admin = await bearerFor(app, org.users.admin.email);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  const invite = (email: string) =>
    app
      .http()
      .post('/api/v1/users/invitations')
      .set('authorization', admin)
      .send({ email, fullName: 'Queued Person', role: 'viewer', branchIds: [] })
      .expect(201);
  const outbox = () =>
    app.db.query<OutboxRow>(
      `SELECT id, encode(message_sealed, 'escape') AS message, attempts,
              sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed, last_error
         FROM mail_outbox ORDER BY created_at, id`,
    );
  const to = (address: string) =>
    mail.messages.filter((message) =>
      [message.to]
        .flat()
        .some((field) => field?.value.some((value) => value.address?.toLowerCase() === address.toLowerCase())),
    );
  /** Waits until `condition` holds, polling; throws after `timeoutMs`. */
  async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  /** Waits until the worker has no delivery job left (it polls every 500 ms here). */
  const settle = () =>
    until(async () => {
      const [row] = await app.db.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM pgboss.job WHERE name = 'mail.deliver' AND state IN ('created', 'retry', 'active')`,
      );
      return row.open === 0;
    });

  it('should send at once and keep nothing of the message when the server answers', async () => {
    const response = await invite('answered@example.test');
    expect(response.body.invitationEmail).toBe('sent');
    expect(to('answered@example.test')).toHaveLength(1);
    const rows = await outbox();
    expect(rows).toEqual([expect.objectContaining({ message: null, attempts: 1, sent: true, failed: false })]);
  });

  it('should queue while the server is down, answer honestly, and deliver one copy of each when it is back', async () => {
    await mail.stop();
    const invitees = ['queued.one@example.test', 'queued.two@example.test', 'queued.three@example.test'];
    for (const email of invitees) {
      const response = await invite(email);
      expect(response.body).toMatchObject({ email, state: 'invited', invitationEmail: 'queued' });
    }
    // (A dead port answers at once; a dead host costs at most MAIL_TIMEOUT_MS: no timing is asserted here.)

    // A password reset answers as it always does, known address or not: the mail follows the answer.
    const known = await app.http().post('/api/v1/auth/password-reset').send({ email: org.users.owner.email });
    const unknown = await app.http().post('/api/v1/auth/password-reset').send({ email: 'nobody@example.test' });
    expect([known.status, known.text]).toEqual([202, '']);
    expect([unknown.status, unknown.text]).toEqual([known.status, known.text]);

    // The reset's mail is stored after the answer and tried right after: wait for its first attempt too.
    await until(
      async () => (await outbox()).filter((row) => !row.sent && !row.failed && row.last_error !== null).length === 4,
    );
    const waiting = (await outbox()).filter((row) => !row.sent);
    expect(waiting).toHaveLength(4);
    for (const row of waiting) {
      // Sealed: neither the recipient nor the link (its token) nor the wording is readable.
      expect(row.message).not.toBeNull();
      for (const clear of [...invitees, org.users.owner.email, 'accept-invitation', 'reset-password', 'Hello']) {
        expect(row.message).not.toContain(clear);
      }
      expect(row.last_error).toMatch(/ECONNREFUSED/);
      expect(row.last_error).not.toContain('@');
    }
    // The logs name the message by id only.
    const logged = JSON.stringify(app.logs);
    for (const email of [...invitees, org.users.owner.email]) expect(logged).not.toContain(email);
    expect(mail.messages).toHaveLength(1);

    // Not due yet: the retry job leaves them alone.
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(0);

    await mail.start();
    const back = Date.now();
    clock.advance(61_000);
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(4);
    await until(() => invitees.every((email) => to(email).length === 1) && to(org.users.owner.email).length === 1);
    const secondsToDeliver = (Date.now() - back) / 1000;
    await settle();

    // Later ticks find nothing left to send: still one copy each.
    clock.advance(3_600_000);
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const copies = [...invitees, org.users.owner.email].map((email) => to(email).length);
    expect(copies).toEqual([1, 1, 1, 1]);
    const rows = (await outbox()).filter((row) => waiting.some((queued) => queued.id === row.id));
    expect(rows.every((row) => row.sent && row.message === null && row.attempts === 2)).toBe(true);

    // What was queued is the email itself: its link works.
    const link = linkIn(to(invitees[0])[0], 'https://crm.example.test/accept-invitation');
    await app
      .http()
      .post('/api/v1/auth/invitations/preview')
      .send({ token: link.searchParams.get('token') })
      .expect(200);

    writeResult('mail-outage', {
      database: app.db.embedded ? 'PGlite' : 'PostgreSQL',
      queued: waiting.length,
      answeredQueued: invitees.length,
      delivered: copies.filter((count) => count > 0).length,
      duplicates: copies.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      lost: copies.filter((count) => count === 0).length,
      secondsToDeliver: Number(secondsToDeliver.toFixed(1)),
      givenUp: await givenUpAfterBound(),
    });
  });

  /** A message that keeps failing past MAIL_RETRY_HOURS is given up, its content dropped, and never sent. */
  async function givenUpAfterBound(): Promise<boolean> {
    await mail.stop();
    // The clock moved an hour: a fresh session.
    admin = await bearerFor(app, org.users.admin.email);
    const response = await invite('never.delivered@example.test');
    expect(response.body.invitationEmail).toBe('queued');
    const [queued] = (await outbox()).filter((row) => !row.sent && !row.failed);
    // Retried on the schedule while the server stays down: still queued, content kept.
    clock.advance(61_000);
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(1);
    await settle();
    let [row] = (await outbox()).filter((candidate) => candidate.id === queued.id);
    expect(row).toMatchObject({ attempts: 2, sent: false, failed: false });
    expect(row.message).not.toBeNull();

    clock.advance(73 * 3_600_000);
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(1);
    await settle();
    [row] = (await outbox()).filter((candidate) => candidate.id === queued.id);
    expect(row).toMatchObject({ attempts: 3, sent: false, failed: true, message: null });
    expect(row.last_error).toMatch(/ECONNREFUSED/);

    await mail.start();
    clock.advance(3_600_000);
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(to('never.delivered@example.test')).toHaveLength(0);
    return row.failed;
  }
});
