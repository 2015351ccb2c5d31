import { randomUUID } from 'node:crypto';
import type { DataSubject, ErasureMode, ErasureStep, PersonalDataProvider } from '#personal-data';
import { TransactionService } from '../../../apps/api/src/database/transaction.service.js';
import { IdentityService } from '../../../apps/api/src/identity/identity.service.js';
import type { Role } from '../../../apps/api/src/identity/identity.types.js';
import { ErasureService } from '../../../apps/api/src/personal-data/erasure.service.js';
import { RetentionRunner } from '../../../apps/api/src/retention/retention-runner.service.js';
import type { TestApp } from './app.js';
import { recordCanary } from './run-record.mjs';

export const TEST_PASSWORD = 'a perfectly long test passphrase';

export interface TestOrganization {
  organizationId: string;
  /** One user per requested role, each signing in with TEST_PASSWORD. */
  users: Record<string, { id: string; email: string }>;
}

/** An organization with one user per role (owner always), with unique fake emails. */
export async function createOrganization(app: TestApp, roles: Role[] = ['owner']): Promise<TestOrganization> {
  const identity = app.app.get(IdentityService);
  const tag = randomUUID().slice(0, 8);
  const email = (role: string) => {
    recordCanary('email', `${role}.${tag}@example.test`); // for the log scan after the run
    return `${role}.${tag}@example.test`;
  };
  recordCanary('password', TEST_PASSWORD);
  recordCanary('full name', 'Olive Owner');
  const { organization, owner } = await identity.createOrganization(`Test Org ${tag}`, {
    profile: { email: email('owner'), fullName: 'Olive Owner', phone: null, jobTitle: 'Owner', company: null },
    password: TEST_PASSWORD,
    emailVerified: true,
    ageConfirmed: true,
  });
  const users: TestOrganization['users'] = { owner: { id: owner.id, email: owner.email } };
  for (const role of roles.filter((role) => role !== 'owner')) {
    const user = await identity.createUser(organization.id, {
      profile: { email: email(role), fullName: `Test ${role}`, phone: null, jobTitle: null, company: null },
      role,
      password: TEST_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });
    users[role] = { id: user.id, email: user.email };
  }
  return { organizationId: organization.id, users };
}

/** Parses Set-Cookie headers into name → { value, attributes }. */
export function parseSetCookies(
  header: string[] | string | undefined,
): Record<string, { value: string; attributes: string[] }> {
  const cookies: Record<string, { value: string; attributes: string[] }> = {};
  for (const line of Array.isArray(header) ? header : header ? [header] : []) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const [name, ...value] = pair.split('=');
    cookies[name] = { value: value.join('='), attributes };
  }
  return cookies;
}

/** Signs in through the API and answers the `Authorization` header value. */
export async function bearerFor(app: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.http().post('/api/v1/auth/sign-in').send({ email, password });
  if (response.status !== 200) throw new Error(`Sign-in of ${email} failed: ${response.status} ${response.text}`);
  return `Bearer ${response.body.accessToken}`;
}

/** Puts a person in branches through the people admin API (with the version it reads first). */
export async function placeInBranches(app: TestApp, auth: string, userId: string, branchIds: string[]): Promise<void> {
  const { version } = (await app.http().get(`/api/v1/users/${userId}`).set('authorization', auth).expect(200)).body;
  await app.http().patch(`/api/v1/users/${userId}`).set('authorization', auth).send({ version, branchIds }).expect(200);
}

/** One provider's erasure of a subject as a single step in its own transaction (provider-level tests). */
export async function eraseWithProvider(
  app: TestApp,
  provider: PersonalDataProvider,
  subject: DataSubject,
  mode: ErasureMode = 'delete',
): Promise<ErasureStep> {
  return app.app
    .get(TransactionService)
    .run((tx) => provider.erase(subject, mode, { tx, now: new Date(), limit: 100_000 }));
}

/** The whole erasure pipeline for a subject, run now in the test's process; answers the receipts. */
/**
 * Runs a retention rule over every organization as the scheduled job would, measuring its
 * period back from `at` (default: the app's clock), and answers how many rows it purged.
 */
export async function runRetentionRule(app: TestApp, rule: string, at?: Date): Promise<number> {
  const run = await app.app.get(RetentionRunner).runNow({ rule, organizationId: null, trigger: 'schedule', at });
  if (!run) throw new Error(`Retention rule ${rule} is running already`);
  if (run.status !== 'completed') throw new Error(`Retention rule ${rule} ended ${run.status}: ${run.error}`);
  return Object.values(run.purged).reduce((sum, count) => sum + count, 0);
}

export async function eraseSubject(app: TestApp, subject: DataSubject) {
  return (await app.app.get(ErasureService).eraseNow(subject)).receipts;
}
