import { randomUUID } from 'node:crypto';
import { IdentityService } from '../../../apps/api/src/identity/identity.service.js';
import type { Role } from '../../../apps/api/src/identity/identity.types.js';
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
