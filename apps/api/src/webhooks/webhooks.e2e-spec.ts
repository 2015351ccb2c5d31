import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  runRetentionRule,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { TransactionService } from '../database/transaction.service.js';
import { ErasureService } from '../personal-data/erasure.service.js';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';
import { WebhooksService } from './webhooks.service.js';
import { WEBHOOK_RETRY_SCHEDULE_MS } from './webhooks.types.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The receiver's clock when it arrived: the test clock, which the sender signs with too. */
  receivedAtMs: number;
  answered: number;
}

/**
 * A real HTTP receiver on 127.0.0.1: records every delivery and answers 500 while `failures`
 * lasts, then 204.
 */
class Receiver {
  readonly received: Received[] = [];
  failures = 0;
  private server?: Server;

  constructor(private readonly clock: TestClock) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answered = this.failures > 0 ? 500 : 204;
        if (this.failures > 0) this.failures--;
        this.received.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAtMs: this.clock.nowMs(),
          answered,
        });
        response.statusCode = answered;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Verifies a delivery with the reference library (standardwebhooks), as a receiver would. Its
 * replay check compares the signed timestamp with the receiver's clock, which here is the
 * test clock at arrival.
 */
function verify(secret: string, delivery: Received): unknown {
  const wallClock = Date.now;
  Date.now = () => delivery.receivedAtMs;
  try {
    return new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>);
  } finally {
    Date.now = wallClock;
  }
}

describe('outbound webhooks', () => {
  // Starts at the real "now": the job engine and the audit trail use the database's clock.
  const clock = new TestClock(new Date());
  const receiver = new Receiver(clock);
  let app: TestApp;
  let org: TestOrganization;
  let admin: string;
  let url: string;

  beforeAll(async () => {
    url = await receiver.start();
    app = await createTestApp({
      clock,
      env: { JOBS_POLL_INTERVAL_MS: '500', WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOKS_TIMEOUT_MS: '5000' },
    });
    org = await createOrganization(app, ['owner', 'admin', 'agent']);
    // An integration's key with the webhooks scope: unlike a session, it outlives the clock's jumps.
    const key = await app
      .http()
      .post('/api/v1/api-keys')
      .set('authorization', await bearerFor(app, org.users.admin.email))
      .send({ name: 'Webhooks admin', scopes: ['webhooks:manage'] })
      .expect(201);
    admin = `Bearer ${key.body.secret}`;
  });
  afterAll(async () => {
    await app.close();
    await receiver.stop();
  });

  const http = () => app.http();
  const createEndpoint = async (eventTypes = ['subject.erased']) =>
    (
      await http()
        .post('/api/v1/webhooks/endpoints')
        .set('authorization', admin)
        .send({ url, description: 'Warehouse sync', eventTypes })
        .expect(201)
    ).body as { endpoint: { id: string; version: number }; secret: string };

  /** Waits until the worker has no delivery job left to run (it polls every 500 ms here). */
  async function settle(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await app.db.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM pgboss.job WHERE name = 'webhooks.deliver' AND state IN ('created', 'retry', 'active')`,
      );
      if (row.open === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const deliveriesOf = async (endpointId: string, query = '') =>
    (
      await http()
        .get(`/api/v1/webhooks/endpoints/${endpointId}/deliveries${query}`)
        .set('authorization', admin)
        .expect(200)
    ).body as {
      items: {
        id: string;
        eventId: string;
        eventType: string;
        status: string;
        attemptCount: number;
        nextAttemptAt: string | null;
        attempts: { attemptNumber: number; httpStatus: number | null; succeeded: boolean; error: string | null }[];
      }[];
      nextCursor: string | null;
    };

  /** Moves the clock to the delivery's next attempt, lets the dispatcher enqueue it and the worker run it. */
  async function nextAttempt(endpointId: string): Promise<void> {
    const [delivery] = (await deliveriesOf(endpointId)).items;
    clock.set(delivery.nextAttemptAt as string);
    await app.app.get(WebhookDeliveryJob).dispatch();
    await settle();
  }

  it('should show the secret once, keep it sealed, and refuse agents', async () => {
    const { endpoint, secret } = await createEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await http().get(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(200);
    expect(JSON.stringify(read.body)).not.toContain(secret);
    expect(read.body).toMatchObject({
      url,
      description: 'Warehouse sync',
      eventTypes: ['subject.erased'],
      enabled: true,
    });
    const [row] = await app.db.query<{ sealed: string }>(
      `SELECT encode(secret_sealed, 'escape') AS sealed FROM webhook_endpoints WHERE id = $1`,
      [endpoint.id],
    );
    expect(row.sealed).not.toContain(secret.slice(6, 20));

    const agent = await bearerFor(app, org.users.agent.email);
    expectProblem(await http().get('/api/v1/webhooks/endpoints').set('authorization', agent), 403, 'forbidden');
    const audit = await app.db.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_entries WHERE target_id = $1 ORDER BY seq`,
      [endpoint.id],
    );
    expect(audit.map((entry) => entry.action)).toEqual(['webhook.endpoint_created']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
  });

  it('should sign an erasure event the reference library verifies, retry it on the schedule, and carry no personal data', async () => {
    const { endpoint, secret } = await createEndpoint(['subject.erased', 'request.completed']);
    const owner = await bearerFor(app, org.users.owner.email);
    const branch = (
      await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'York' }).expect(201)
    ).body.id;
    const client = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'individual', name: 'Wendy Webhook', email: 'wendy.webhook@example.test', branchId: branch })
        .expect(201)
    ).body;

    receiver.failures = 2;
    const before = receiver.received.length;
    const { erasure } = await app.app
      .get(ErasureService)
      .eraseNow({ kind: 'client', id: client.id, organizationId: org.organizationId });
    await settle();

    // Attempt 1 at once: the receiver fails it, the next is due 5 s later by the schedule.
    let [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ eventType: 'subject.erased', status: 'pending', attemptCount: 1 });
    const firstAt = receiver.received[before].receivedAtMs;
    expect(new Date(delivery.nextAttemptAt as string).getTime()).toBe(firstAt + WEBHOOK_RETRY_SCHEDULE_MS[1]);
    // Not due yet: the dispatcher leaves it alone.
    expect(await app.app.get(WebhookDeliveryJob).dispatch()).toBe(0);

    await nextAttempt(endpoint.id); // attempt 2: fails again, next in 5 minutes
    [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(new Date(delivery.nextAttemptAt as string).getTime() - clock.nowMs()).toBe(WEBHOOK_RETRY_SCHEDULE_MS[2]);
    await nextAttempt(endpoint.id); // attempt 3: succeeds

    [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 3, nextAttemptAt: null });
    expect(delivery.attempts.map((attempt) => [attempt.attemptNumber, attempt.httpStatus, attempt.succeeded])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 204, true],
    ]);
    expect(delivery.attempts[0].error).toBe('receiver answered 500');

    const attempts = receiver.received.slice(before);
    expect(attempts.map((request) => request.answered)).toEqual([500, 500, 204]);
    // The same webhook-id on every attempt (receivers de-duplicate by it), each attempt signed anew.
    expect(new Set(attempts.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery.eventId]));
    for (const request of attempts) {
      expect(verify(secret, request)).toEqual({
        type: 'subject.erased',
        timestamp: expect.any(String),
        data: { subjectType: 'client', subjectId: client.id, erasureId: erasure.id },
      });
    }
    // Ids and kinds only: the erased person's name and address never leave.
    for (const request of attempts) {
      expect(request.body).not.toMatch(/Wendy|Webhook|wendy\.webhook@example\.test/);
    }
    const [message] = await app.db.query<{ data: unknown }>('SELECT data FROM webhook_messages WHERE event_id = $1', [
      delivery.eventId,
    ]);
    expect(JSON.stringify(message.data)).not.toMatch(/Wendy|example\.test/);
    // A tampered body does not verify.
    expect(() => verify(secret, { ...attempts[2], body: attempts[2].body.replace('client', 'contact') })).toThrow();
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
  });

  it('should fail a delivery once the schedule runs out, and deliver it again on a manual retry', async () => {
    const { endpoint } = await createEndpoint(['request.completed']);
    receiver.failures = WEBHOOK_RETRY_SCHEDULE_MS.length;
    const sent = await http()
      .post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`)
      .set('authorization', admin)
      .expect(202);
    await settle();
    for (let attempt = 2; attempt <= WEBHOOK_RETRY_SCHEDULE_MS.length; attempt++) await nextAttempt(endpoint.id);

    let [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({
      id: sent.body.deliveryId,
      eventType: 'webhook.test',
      status: 'failed',
      attemptCount: WEBHOOK_RETRY_SCHEDULE_MS.length,
      nextAttemptAt: null,
    });
    expect((await deliveriesOf(endpoint.id, '?status=failed')).items).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id, '?status=succeeded')).items).toHaveLength(0);
    // Nothing more is due, however far the clock moves.
    clock.advance(30 * DAY_MS);
    expect(await app.app.get(WebhookDeliveryJob).dispatch()).toBe(0);

    const retried = await http()
      .post(`/api/v1/webhooks/deliveries/${delivery.id}/retry`)
      .set('authorization', admin)
      .expect(202);
    expect(retried.body.status).toBe('pending');
    await settle();
    [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: WEBHOOK_RETRY_SCHEDULE_MS.length + 1 });
    // A pending delivery is not retried by hand: its next attempt is scheduled already.
    receiver.failures = 1;
    await http().post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`).set('authorization', admin).expect(202);
    await settle();
    const [pending] = (await deliveriesOf(endpoint.id, '?status=pending')).items;
    expectProblem(
      await http().post(`/api/v1/webhooks/deliveries/${pending.id}/retry`).set('authorization', admin),
      409,
      'conflict',
    );
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
  });

  it('should sign with both secrets during a rotation, and with the new one only after the grace period', async () => {
    const { endpoint, secret: oldSecret } = await createEndpoint();
    const rotated = await http()
      .post(`/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`)
      .set('authorization', admin)
      .expect(200);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.body.endpoint.previousSecretExpiresAt).toBe(new Date(clock.nowMs() + DAY_MS).toISOString());

    const testSend = async () => {
      const before = receiver.received.length;
      await http().post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`).set('authorization', admin).expect(202);
      await settle();
      return receiver.received[before];
    };
    const during = await testSend();
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(oldSecret, during)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
    expect(verify(newSecret, during)).toMatchObject({ type: 'webhook.test' });

    clock.advance(DAY_MS + 1_000);
    const after = await testSend();
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(newSecret, after)).toMatchObject({ type: 'webhook.test' });
    expect(() => verify(oldSecret, after)).toThrow();

    const actions = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE target_id = $1 ORDER BY seq`,
      [endpoint.id],
    );
    expect(actions.map((entry) => entry.action)).toEqual(['webhook.endpoint_created', 'webhook.secret_rotated']);
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
  });

  it('should write the outbox in the transaction of the change: a rolled-back change leaves no message', async () => {
    const { endpoint } = await createEndpoint(['subject.restricted']);
    const transactions = app.app.get(TransactionService);
    const webhooks = app.app.get(WebhooksService);
    const data = { subjectType: 'contact' as const, subjectId: crypto.randomUUID(), restricted: true };
    await expect(
      transactions.run(async (tx) => {
        await webhooks.emit(tx, org.organizationId, 'subject.restricted', data);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const messages = () =>
      app.db.query<{ event_id: string }>(`SELECT event_id FROM webhook_messages WHERE data->>'subjectId' = $1`, [
        data.subjectId,
      ]);
    expect(await messages()).toHaveLength(0);
    expect((await deliveriesOf(endpoint.id)).items).toHaveLength(0);

    const eventId = await transactions.run((tx) => webhooks.emit(tx, org.organizationId, 'subject.restricted', data));
    expect(await messages()).toEqual([{ event_id: eventId }]);
    // Another organization's event reaches none of ours; an unsubscribed type writes nothing.
    const other = await createOrganization(app, ['owner']);
    expect(
      await transactions.run((tx) => webhooks.emit(tx, other.organizationId, 'subject.restricted', data)),
    ).toBeNull();
    expect(
      await transactions.run((tx) =>
        webhooks.emit(tx, org.organizationId, 'request.completed', { requestId: 'r1', requestType: 'access' }),
      ),
    ).toBeNull();
    // Personal values are refused before they reach the outbox.
    await expect(
      transactions.run((tx) =>
        webhooks.emit(tx, org.organizationId, 'subject.rectified', {
          subjectType: 'contact',
          subjectId: data.subjectId,
          fields: ['Wendy Webhook'],
        }),
      ),
    ).rejects.toThrow('ids, kinds or field names only');
    await settle();
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
  });

  it('should page the delivery log and refuse stale versions and unknown ids', async () => {
    const { endpoint } = await createEndpoint();
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      await http().post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`).set('authorization', admin).expect(202);
    }
    await settle();
    const first = await deliveriesOf(endpoint.id, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await deliveriesOf(endpoint.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(3);
    expectProblem(
      await http()
        .get(`/api/v1/webhooks/endpoints/${endpoint.id}/deliveries?eventType=nope`)
        .set('authorization', admin),
      400,
      'validation-failed',
    );

    // null is no value for what a PATCH sets: 400 with the field, not a database error (found by the fuzzer).
    for (const field of ['url', 'description', 'eventTypes', 'enabled']) {
      const nulled = await http()
        .patch(`/api/v1/webhooks/endpoints/${endpoint.id}`)
        .set('authorization', admin)
        .send({ version: endpoint.version, [field]: null });
      expectProblem(nulled, 400, 'validation-failed');
    }

    const updated = await http()
      .patch(`/api/v1/webhooks/endpoints/${endpoint.id}`)
      .set('authorization', admin)
      .send({ version: endpoint.version, enabled: false, eventTypes: ['subject.erased', 'subject.rectified'] })
      .expect(200);
    expect(updated.body).toMatchObject({ enabled: false, eventTypes: ['subject.erased', 'subject.rectified'] });
    expectProblem(
      await http()
        .patch(`/api/v1/webhooks/endpoints/${endpoint.id}`)
        .set('authorization', admin)
        .send({ version: endpoint.version, enabled: true }),
      409,
      'conflict',
    );
    expectProblem(
      await http()
        .post('/api/v1/webhooks/endpoints')
        .set('authorization', admin)
        .send({ url, eventTypes: ['subject.sold'] }),
      400,
      'validation-failed',
    );
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
    expectProblem(
      await http().get(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin),
      404,
      'not-found',
    );
  });
  it('should purge settled deliveries after the retention period, and keep pending ones', async () => {
    const { endpoint } = await createEndpoint();
    const send = () =>
      http().post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`).set('authorization', admin).expect(202);
    await send(); // delivered at once
    receiver.failures = 1;
    await send(); // pending: the receiver failed it
    await settle();
    expect((await deliveriesOf(endpoint.id)).items.map((item) => item.status).sort()).toEqual(['pending', 'succeeded']);

    const purge = () => runRetentionRule(app, 'webhook-log');
    // Earlier tests moved the clock by weeks: their messages may go now, these two stay.
    await purge();
    expect((await deliveriesOf(endpoint.id)).items).toHaveLength(2);
    clock.advance(31 * DAY_MS);
    expect(await purge()).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(endpoint.id)).items.map((item) => item.status)).toEqual(['pending']);
    await http().delete(`/api/v1/webhooks/endpoints/${endpoint.id}`).set('authorization', admin).expect(204);
  });
});
