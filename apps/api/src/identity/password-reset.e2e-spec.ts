import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('password reset by email', () => {
  let mail: MailCatcher;
  let app: TestApp;
  let org: TestOrganization;
  const NEW_PASSWORD = 'a brand new long passphrase';

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' } });
    org = await createOrganization(app, ['owner', 'agent']);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  const request = (email: string) => app.http().post('/api/v1/auth/password-reset').send({ email });
  const confirm = (token: string, password: string) =>
    app.http().post('/api/v1/auth/password-reset/confirm').send({ token, password });

  it('should email a link that sets a new password once and signs out every session', async () => {
    const oldSession = await bearerFor(app, org.users.agent.email);
    await request(org.users.agent.email.toUpperCase()).expect(202);

    const message = await mail.waitFor(org.users.agent.email);
    expect(message.subject).toBe('Reset your Steward CRM password');
    const link = linkIn(message, 'https://crm.example.test/reset-password?token=');
    const token = link.searchParams.get('token') as string;

    expectProblem(await confirm(token, 'password1234'), 400, 'validation-failed');
    await confirm(token, NEW_PASSWORD).expect(204);
    expectProblem(await confirm(token, 'yet another long passphrase'), 404, 'not-found');

    expectProblem(await app.http().get('/api/v1/auth/me').set('authorization', oldSession), 401, 'session-expired');
    expectProblem(
      await app.http().post('/api/v1/auth/sign-in').send({ email: org.users.agent.email, password: TEST_PASSWORD }),
      401,
      'invalid-credentials',
    );
    await bearerFor(app, org.users.agent.email, NEW_PASSWORD);
  });

  it('should answer the same for an unknown email and send nothing', async () => {
    const before = mail.messages.length;
    const unknown = await request('no.such.person@example.test');
    expect(unknown.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.messages.length).toBe(before);
  });

  it('should retire an earlier link when a new one is sent', async () => {
    await request(org.users.owner.email).expect(202);
    const first = linkIn(await mail.waitFor(org.users.owner.email), 'https://crm.example.test/reset-password');
    mail.messages.length = 0;
    await request(org.users.owner.email).expect(202);
    const second = linkIn(await mail.waitFor(org.users.owner.email), 'https://crm.example.test/reset-password');
    expectProblem(await confirm(first.searchParams.get('token') as string, NEW_PASSWORD), 404, 'not-found');
    await confirm(second.searchParams.get('token') as string, NEW_PASSWORD).expect(204);
  });

  it('should keep no token in readable form', async () => {
    const rows = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM one_time_tokens');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });
});

describe('mail without SMTP', () => {
  it('should write the message to DATA_DIR/outbox instead', async () => {
    const app = await createTestApp();
    try {
      const org = await createOrganization(app, ['owner']);
      await app.http().post('/api/v1/auth/password-reset').send({ email: org.users.owner.email }).expect(202);
      const outbox = join(app.api.settings.dataDir, 'outbox');
      let files: string[] = [];
      for (let tries = 0; tries < 50 && files.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        files = (() => {
          try {
            return readdirSync(outbox);
          } catch {
            return [];
          }
        })();
      }
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(outbox, files[0]), 'utf8');
      expect(eml).toContain('Subject: Reset your Steward CRM password');
      expect(eml).toContain(org.users.owner.email);
      expect(JSON.stringify(app.logs)).not.toContain(org.users.owner.email);
    } finally {
      await app.close();
    }
  });
});
