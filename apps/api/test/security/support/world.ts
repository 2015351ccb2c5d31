import { createHmac, randomUUID } from 'node:crypto';
import { bearerFor, createTestApp, parseSetCookies, TEST_PASSWORD, type TestApp } from '#testing';
import type { Clock } from '../../../src/common/clock.js';
import { IdentityService } from '../../../src/identity/identity.service.js';
import { API_KEY_SCOPES } from '../../../src/identity/permissions.js';
import { ROLES, type Role } from '../../../src/identity/roles.js';
import { KeyringService } from '../../../src/keyring/keyring.service.js';

/** One organization of the seeded world: a user per role, their tokens, and one record of each kind. */
export interface Tenant {
  organizationId: string;
  branchId: string;
  otherBranchId: string;
  users: Record<Role, { id: string; email: string }>;
  bearer: Record<Role, string>;
  /** An API key holding every scope a key may hold, and one holding only audit:read. */
  fullKey: string;
  narrowKey: { secret: string; scopes: string[] };
  /** Record ids by kind: organization, branch, client, contact, list, job, visit, communication, taxPolicy, invoice, apiKey, invitedUser, session, processor, webhookEndpoint, webhookDelivery, dataExport, privacyRequest. */
  ids: Record<string, string>;
  /** The organization's public handle (its privacy notice is at /privacy/organizations/{slug}/notice). */
  slug: string;
}

/** The callers of a matrix cell. */
export type Caller =
  | Role
  | 'no credentials'
  | 'expired token'
  | 'tampered token'
  | 'revoked token'
  | 'api key with the scope'
  | 'api key without the scope';

export interface World {
  app: TestApp;
  ours: Tenant;
  theirs: Tenant;
  /** Authorization header values of tokens that must not be honoured. */
  badTokens: { expired: string; tampered: string; revoked: string };
}

/** A signed-in session through cookies: the refresh cookie with its CSRF pair. */
export interface CookieSession {
  cookie: string;
  csrf: string;
}

export async function cookieSessionOf(app: TestApp, email: string): Promise<CookieSession> {
  const response = await app.http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status}`);
  const cookies = parseSetCookies(response.headers['set-cookie'] as unknown as string[]);
  return {
    cookie: `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`,
    csrf: cookies.steward_csrf.value,
  };
}

/** The app on this file's database with two organizations, seeded once through the API. */
export async function createWorld(env: Record<string, string> = {}, clock?: Clock): Promise<World> {
  const app = await createTestApp({ env, clock });
  const ours = await seedTenant(app);
  const theirs = await seedTenant(app);
  const token = ours.bearer.viewer.replace(/^Bearer /, '');
  const signingKey = app.app.get(KeyringService).deriveKey('access-token-signing');
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const sign = (body: object) => {
    const unsigned = `${header}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
    return `Bearer ${unsigned}.${createHmac('sha256', signingKey).update(unsigned).digest('base64url')}`;
  };
  // Expired: signed with the real key, but an hour past its end.
  const expired = sign({ ...claims, iat: claims.iat - 7200, exp: claims.iat - 3600 });
  // Tampered: the other organization's id put into a real token, signature kept.
  const forgedPayload = Buffer.from(JSON.stringify({ ...claims, org: theirs.organizationId })).toString('base64url');
  const tampered = `Bearer ${header}.${forgedPayload}.${token.split('.')[2]}`;
  // Revoked: a real token whose session was signed out.
  const signedIn = await app
    .http()
    .post('/api/v1/auth/sign-in')
    .send({ email: ours.users.viewer.email, password: TEST_PASSWORD });
  const revoked = `Bearer ${signedIn.body.accessToken}`;
  const cookies = parseSetCookies(signedIn.headers['set-cookie'] as unknown as string[]);
  const signOut = await app
    .http()
    .post('/api/v1/auth/sign-out')
    .set('cookie', `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`)
    .set('x-csrf-token', cookies.steward_csrf.value);
  if (signOut.status >= 300) throw new Error(`Sign-out failed: ${signOut.status}`);
  return { app, ours, theirs, badTokens: { expired, tampered, revoked } };
}

async function seedTenant(app: TestApp): Promise<Tenant> {
  const identity = app.app.get(IdentityService);
  const tag = randomUUID().slice(0, 8);
  const profile = (role: string) => ({
    email: `${role}.${tag}@example.test`,
    fullName: `Matrix ${role} ${tag}`,
    phone: null,
    jobTitle: null,
    company: null,
  });
  const created = await identity.createOrganization(`Matrix ${tag}`, {
    profile: profile('owner'),
    password: TEST_PASSWORD,
    emailVerified: true,
    ageConfirmed: true,
  });
  const organizationId = created.organization.id;
  const users = { owner: { id: created.owner.id, email: created.owner.email } } as Tenant['users'];
  const bearer = { owner: await bearerFor(app, created.owner.email) } as Tenant['bearer'];
  const post = async (path: string, body: object, who = bearer.owner) => {
    const response = await app.http().post(path).set('authorization', who).send(body);
    if (response.status >= 300) throw new Error(`Seeding ${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const branchId = (await post('/api/v1/branches', { name: `Main ${tag}` })).id;
  const otherBranchId = (await post('/api/v1/branches', { name: `Other ${tag}` })).id;
  for (const role of ROLES.filter((role) => role !== 'owner')) {
    const user = await identity.createUser(organizationId, {
      profile: profile(role),
      role,
      // Managers and agents work in the main branch, where every seeded record lives.
      branchIds: role === 'manager' || role === 'agent' ? [branchId] : [],
      password: TEST_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });
    users[role] = { id: user.id, email: user.email };
    bearer[role] = await bearerFor(app, user.email);
  }
  const ids: Record<string, string> = { branch: branchId, organization: organizationId };
  ids.client = (await post('/api/v1/clients', { kind: 'company', name: `Client ${tag}`, branchId })).id;
  ids.contact = (await post('/api/v1/contacts', { clientId: ids.client, fullName: `Contact ${tag}` })).id;
  ids.list = (await post('/api/v1/contact-lists', { name: `List ${tag}`, kind: 'static' })).id;
  await post(`/api/v1/contact-lists/${ids.list}/members`, { contactIds: [ids.contact] });
  ids.job = (await post('/api/v1/jobs', { clientId: ids.client, title: `Job ${tag}` })).id;
  ids.visit = (
    await post('/api/v1/schedule', {
      kind: 'job_visit',
      jobId: ids.job,
      assigneeId: users.agent.id,
      startsAt: '2030-05-31T09:00:00Z',
      endsAt: '2030-05-31T10:00:00Z',
      title: `Visit ${tag}`,
    })
  ).id;
  ids.communication = (
    await post('/api/v1/communications', { clientId: ids.client, kind: 'note', direction: 'internal', body: 'A note' })
  ).id;
  ids.taxPolicy = (
    await post('/api/v1/tax-policies', {
      name: `Tax ${tag}`,
      branchId,
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2000-01-01',
    })
  ).id;
  ids.invoice = (
    await post('/api/v1/invoices', {
      clientId: ids.client,
      currency: 'GBP',
      lines: [{ description: 'Work', quantity: 1, unitPriceMinor: 1000, taxCode: 'STD' }],
    })
  ).id;
  // Disabled, so its test-send is logged as a failed delivery without leaving the machine.
  const webhook = await post('/api/v1/webhooks/endpoints', {
    url: 'https://93.184.215.14/hooks',
    eventTypes: ['subject.erased'],
    enabled: false,
  });
  ids.webhookEndpoint = webhook.endpoint.id;
  ids.webhookDelivery = (await post(`/api/v1/webhooks/endpoints/${ids.webhookEndpoint}/test`, {})).deliveryId;
  const purposes = await app.http().get('/api/v1/consent-purposes').set('authorization', bearer.owner);
  ids.purpose = purposes.body.items[0].id;
  const fullKey = await post('/api/v1/api-keys', { name: `Full ${tag}`, scopes: API_KEY_SCOPES });
  const narrowScopes = ['audit:read'];
  const narrowKey = await post('/api/v1/api-keys', { name: `Narrow ${tag}`, scopes: narrowScopes });
  ids.apiKey = narrowKey.apiKey.id;
  ids.invitedUser = (
    await post('/api/v1/users/invitations', {
      email: `invited.${tag}@example.test`,
      fullName: `Invited ${tag}`,
      role: 'viewer',
      branchIds: [],
    })
  ).id;
  ids.processor = (
    await post('/api/v1/privacy/documents/notice/processors', {
      name: `Processor ${tag}`,
      purpose: 'Hosting',
      dataCategories: ['Contact details'],
      location: 'Ireland',
      safeguard: 'Within the EEA',
      dpaDate: null,
    })
  ).id;
  ids.dataExport = (await post('/api/v1/data-exports', { subjectKind: 'contact', subjectId: ids.contact })).id;
  // The worker builds it in the background: wait, or its progress would change our rows in the
  // middle of a sweep that checks nobody else changes them.
  for (let tries = 0; ; tries++) {
    const { status } = (
      await app.http().get(`/api/v1/data-exports/${ids.dataExport}`).set('authorization', bearer.owner)
    ).body;
    if (status === 'ready' || status === 'failed') break;
    if (tries > 600) throw new Error(`Seeding: the data export stayed ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  ids.legalHold = (
    await post('/api/v1/legal-holds', {
      scope: 'subject',
      targetKind: 'contact',
      targetId: ids.contact,
      reason: `Matter ${tag}`,
    })
  ).id;
  ids.retentionRun = (await post('/api/v1/retention/rules/one-time-links/runs', {})).id;
  ids.privacyRequest = (
    await post('/api/v1/privacy-requests', {
      type: 'access',
      channel: 'email',
      email: `requester.${tag}@example.test`,
      fullName: `Requester ${tag}`,
      identityCheck: 'Replied from the address on file',
    })
  ).id;
  // The notice's first version exists once read; read it now, so nobody else's read writes it later.
  await app.http().get(`/api/v1/privacy/organizations/${created.organization.slug}/notice`).expect(200);
  const [session] = await app.db.query<{ family_id: string }>(
    'SELECT family_id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at LIMIT 1',
    [users.owner.id],
  );
  ids.session = session.family_id;
  const [audit] = await app.db.query<{ seq: string }>(
    'SELECT max(seq)::text AS seq FROM audit_entries WHERE organization_id = $1',
    [organizationId],
  );
  ids.auditSeq = audit.seq;
  return {
    organizationId,
    branchId,
    otherBranchId,
    users,
    bearer,
    fullKey: fullKey.secret,
    narrowKey: { secret: narrowKey.secret, scopes: narrowScopes },
    ids,
    slug: created.organization.slug,
  };
}

/** Which seeded record a path parameter names, by the route's first segment. */
const RECORD_OF_SEGMENT: Record<string, string> = {
  'api-keys': 'apiKey',
  audit: 'auditSeq',
  auth: 'session',
  branches: 'branch',
  clients: 'client',
  communications: 'communication',
  'consent-purposes': 'purpose',
  'contact-lists': 'list',
  contacts: 'contact',
  'data-exports': 'dataExport',
  // A signed-in user's own exports and requests: the seeded ones are nobody's own (404 to all).
  'me/data-exports': 'dataExport',
  invoices: 'invoice',
  'legal-holds': 'legalHold',
  retention: 'retentionRun',
  jobs: 'job',
  // The operator's billing route names an organization: a deliberate cross-organization route,
  // open only to the operator organization's keys with subscriptions:manage (nobody in the world).
  operator: 'organization',
  schedule: 'visit',
  privacy: 'processor',
  'privacy-requests': 'privacyRequest',
  'me/privacy-requests': 'privacyRequest',
  'tax-policies': 'taxPolicy',
  users: 'invitedUser',
  webhooks: 'webhookEndpoint',
};

/** Path parameters named after their record, whatever the route's first segment. */
const RECORD_OF_PARAMETER: Record<string, string> = {
  contactId: 'contact',
  deliveryId: 'webhookDelivery',
};

/** Path parameters that are not record ids: a document's name, a version number, a public handle. */
const FIXED_PARAMETERS: Record<string, (tenant: Tenant) => string> = {
  document: () => 'notice',
  // A retention rule's key.
  key: () => 'one-time-links',
  number: () => '1',
  slug: (tenant) => tenant.slug,
};

/** True when a route names a record by id (a document's name or a public handle is no id). */
export const namesRecords = (route: string): boolean =>
  (route.match(/:(\w+)/g) ?? []).some((parameter) => !(parameter.slice(1) in FIXED_PARAMETERS));

/**
 * The route with its parameters filled from a tenant's records. A route whose parameters
 * this cannot fill throws: a new kind of route must be given its record here.
 */
export function fillRoute(route: string, tenant: Tenant): string {
  const parts = route.split('/');
  // Routes under /me are named by their second segment too (/me/data-exports, /me/privacy-requests).
  const segment = parts[3] === 'me' ? `me/${parts[4]}` : parts[3];
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const fixed = FIXED_PARAMETERS[name]?.(tenant);
    if (fixed) return fixed;
    const kind = RECORD_OF_PARAMETER[name] ?? RECORD_OF_SEGMENT[segment];
    const id = kind && tenant.ids[kind];
    if (!id) throw new Error(`No seeded record for :${name} of ${route}: add one to support/world.ts`);
    return id;
  });
}

/** Body fields that name another record, filled with a tenant's ids (for cross-tenant references). */
export function referencesOf(tenant: Tenant): Record<string, unknown> {
  return {
    branchId: tenant.branchId,
    branchIds: [tenant.branchId],
    clientId: tenant.ids.client,
    contactId: tenant.ids.contact,
    contactIds: [tenant.ids.contact],
    jobId: tenant.ids.job,
    invoiceId: tenant.ids.invoice,
    assigneeId: tenant.users.agent.id,
    assignedUserIds: [tenant.users.agent.id],
    ownerId: tenant.users.agent.id,
    taxPolicyId: tenant.ids.taxPolicy,
    listId: tenant.ids.list,
    subjectId: tenant.ids.contact,
    targetId: tenant.ids.contact,
  };
}
