import { setTimeout as sleep } from 'node:timers/promises';
import type { Response } from 'supertest';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  type MailCatcher,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';

/**
 * The database goes away (this file's own database: its connections are cut and new ones
 * refused; PGlite's socket closes). Every request must then answer 503
 * `service-unavailable` with Retry-After, whatever it needs the database for, and none may
 * claim a success it did not achieve: not "signed out" (401), not a crash (500), not
 * "mail on its way" (202). When the database is back, the app serves again.
 */
describe('database outage', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let org: TestOrganization;
  let bearer: string;
  let apiKey: string;
  const outcomes: Array<{ name: string; status: number; retryAfter?: string; ok: boolean }> = [];

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ env: { SMTP_URL: mail.url } });
    org = await createOrganization(app, ['owner']);
    bearer = await bearerFor(app, org.users.owner.email);
    apiKey = (
      await app
        .http()
        .post('/api/v1/api-keys')
        .set('authorization', bearer)
        .send({ name: 'Outage', scopes: ['clients:read', 'branches:read'] })
        .expect(201)
    ).body.secret;
  });
  afterAll(async () => {
    writeResult('database-outage', {
      database: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
      requests: outcomes,
    });
    await app?.close();
    await mail?.close();
  });

  it('should answer 503 with Retry-After to every kind of request while the database is unreachable, and recover', async () => {
    const restore = await app.db.interrupt();
    const requests: Array<[string, () => Promise<Response>]> = [
      ['signed-in GET (bearer)', () => app.http().get('/api/v1/clients').set('authorization', bearer)],
      [
        'signed-in write (bearer)',
        () => app.http().post('/api/v1/branches').set('authorization', bearer).send({ name: 'During the outage' }),
      ],
      ['API-key GET', () => app.http().get('/api/v1/clients').set('x-api-key', apiKey)],
      [
        'sign-in',
        () => app.http().post('/api/v1/auth/sign-in').send({ email: org.users.owner.email, password: TEST_PASSWORD }),
      ],
      ['password reset', () => app.http().post('/api/v1/auth/password-reset').send({ email: org.users.owner.email })],
      ['readiness', () => app.http().get('/api/v1/health/ready')],
    ];
    const answers: Array<{ name: string; status: number; type: string; code: unknown; retryAfter: boolean }> = [];
    try {
      for (const [name, request] of requests) {
        const response = await request();
        const retryAfter = response.headers['retry-after'] as string | undefined;
        const ok =
          response.status === 503 &&
          /^application\/problem\+json/.test(String(response.headers['content-type'])) &&
          response.body?.code === 'service-unavailable' &&
          Boolean(retryAfter);
        outcomes.push({ name, status: response.status, retryAfter, ok });
        answers.push({
          name,
          status: response.status,
          type: String(response.headers['content-type']).split(';')[0],
          code: response.body?.code,
          retryAfter: Boolean(retryAfter),
        });
      }
    } finally {
      await restore();
    }
    expect(answers).toEqual(
      requests.map(([name]) => ({
        name,
        status: 503,
        type: 'application/problem+json',
        code: 'service-unavailable',
        retryAfter: true,
      })),
    );
    // Nothing claimed success: no branch was written and no reset mail went out.
    expect(await app.db.query("SELECT id FROM branches WHERE name = 'During the outage'")).toEqual([]);
    expect(mail.messages).toEqual([]);
    // Back again: the app reconnects by itself.
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await app.http().get('/api/v1/clients').set('authorization', bearer)).status;
      if (status !== 200) await sleep(250);
    }
    expect(status).toBe(200);
  }, 60_000);
});
