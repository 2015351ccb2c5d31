import { randomUUID } from 'node:crypto';
import { openApiDocument, operations } from '../../test/security/support/openapi.js';
import { createWorld, fillRoute, type Tenant, type World } from '../../test/security/support/world.js';

/** How to make one resource with a POST that answers 201: its body, and who sends it (the owner by default). */
type Create = (tenant: Tenant) => { body?: object; as?: 'owner' | 'nobody'; before?: () => Promise<void> };

const tag = () => randomUUID().slice(0, 8);

/** A body that succeeds for every POST that answers 201. A new one fails the sweep until it is added here. */
const CREATES: Record<string, Create> = {
  createApiKey: () => ({ body: { name: `Sweep ${tag()}`, scopes: ['branches:read'] } }),
  createBranch: () => ({ body: { name: `Sweep ${tag()}` } }),
  createClient: (t) => ({ body: { kind: 'company', name: 'Sweep Ltd', branchId: t.branchId } }),
  createCommunication: (t) => ({
    body: { clientId: t.ids.client, kind: 'note', direction: 'internal', body: 'Sweep' },
  }),
  createConsentPurpose: () => ({
    body: { key: `sweep-${tag()}`, name: 'Sweep', channel: 'email', marketing: true, wording: 'Send me the sweep.' },
  }),
  createContactList: () => ({ body: { name: `Sweep ${tag()}`, kind: 'static' } }),
  createContact: (t) => ({ body: { clientId: t.ids.client, fullName: 'Sweep Person' } }),
  createInvoice: (t) => ({
    body: {
      clientId: t.ids.client,
      currency: 'GBP',
      lines: [{ description: 'Sweep', quantity: 1, unitPriceMinor: 500, taxCode: 'STD' }],
    },
  }),
  createJob: (t) => ({ body: { clientId: t.ids.client, title: 'Sweep job' } }),
  createLegalHold: (t) => ({
    body: { scope: 'subject', targetKind: 'client', targetId: t.ids.client, reason: 'Sweep matter' },
  }),
  createMyPrivacyRequest: () => ({ body: { type: 'inquiry' } }),
  createScheduleEntry: (t) => ({
    body: {
      kind: 'job_visit',
      jobId: t.ids.job,
      assigneeId: t.users.agent.id,
      startsAt: '2031-06-02T09:00:00Z',
      endsAt: '2031-06-02T10:00:00Z',
      title: 'Sweep visit',
    },
  }),
  createTaxPolicy: (t) => ({
    body: {
      name: 'Sweep tax',
      branchId: t.otherBranchId,
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2001-01-01',
    },
  }),
  createWebhookEndpoint: () => ({
    body: { url: 'https://93.184.215.14/sweep', eventTypes: ['subject.erased'], enabled: false },
  }),
  add: () => ({
    body: {
      name: `Sweep ${tag()}`,
      purpose: 'Hosting',
      dataCategories: ['Contact details'],
      location: 'Ireland',
      safeguard: 'Within the EEA',
      dpaDate: null,
    },
  }),
  inviteUser: () => ({
    body: { email: `sweep.${tag()}@example.test`, fullName: 'Sweep Invitee', role: 'viewer', branchIds: [] },
  }),
  logPrivacyRequest: () => ({
    body: {
      type: 'access',
      channel: 'email',
      email: `sweep.${tag()}@example.test`,
      fullName: 'Sweep Requester',
      identityCheck: 'Replied from the address on file',
    },
  }),
  startDataExport: (t) => ({ body: { subjectKind: 'client', subjectId: t.ids.client } }),
  startMyDataExport: () => ({}),
  recordInvoicePayment: () => ({ body: { amountMinor: 100, paidOn: '2030-01-02', method: 'cash' } }),
  recordContactConsent: () => ({ body: { purposeKey: 'marketing-email', action: 'withdrawn', source: 'api' } }),
  recordCookieChoice: () => ({
    as: 'nobody',
    body: { consentId: randomUUID(), categories: ['essential'], revision: 1 },
  }),
  recordMyCookieChoice: () => ({ body: { consentId: randomUUID(), categories: ['essential'], revision: 1 } }),
  startEnrolment: () => ({}),
};

/** 201 answers that name no readable resource, and why: no Location is expected of them. */
const WITHOUT_LOCATION: Record<string, string> = {
  startEnrolment: 'answers a secret to confirm with a code; nothing is created that can be read back',
  recordContactConsent: 'answers the contact’s consent state; the new entry is read in its history',
  recordCookieChoice: 'answers the browser’s consent id, which is not a resource of the API',
  recordMyCookieChoice: 'answers the browser’s consent id, which is not a resource of the API',
  recordInvoicePayment: 'a payment is read with its invoice (GET /invoices/{id}/payments); no route per payment',
};

/** The id a 201 answer names: its own, or that of the one object it wraps. */
function createdId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id } = body as { id?: unknown };
  if (typeof id === 'string') return id;
  const nested = Object.values(body).filter((value) => typeof value === 'object' && value !== null);
  return nested.length === 1 && typeof (nested[0] as { id?: unknown }).id === 'string'
    ? (nested[0] as { id: string }).id
    : undefined;
}

/**
 * Every POST of the committed OpenAPI document that answers 201 is called once with a body that
 * succeeds: its answer carries a `Location` that reads back the same resource, or the route is
 * listed above with the reason it has none.
 */
describe('Location on 201 answers', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
    // A payment needs an issued invoice.
    const { ours } = world;
    const invoice = await world.app
      .http()
      .get(`/api/v1/invoices/${ours.ids.invoice}`)
      .set('authorization', ours.bearer.owner)
      .expect(200);
    await world.app
      .http()
      .post(`/api/v1/invoices/${ours.ids.invoice}/issue`)
      .set('authorization', ours.bearer.owner)
      .send({ version: invoice.body.version, issueDate: '2030-01-01', dueDate: '2030-02-01' })
      .expect(200);
  }, 180_000);
  afterAll(() => world.app.close());

  it('should name what every 201 created in a Location that GETs the same resource', async () => {
    const document = openApiDocument();
    const created = operations().filter(
      (op) => op.method === 'POST' && '201' in (document.paths[op.path].post.responses as Record<string, unknown>),
    );
    expect(created.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const op of created) {
      const recipe = CREATES[op.operationId];
      if (!recipe) {
        problems.push(`${op.operationId}: no body in CREATES; add one`);
        continue;
      }
      const { body, as = 'owner' } = recipe(world.ours);
      const call = world.app.http().post(fillRoute(op.route, world.ours));
      if (as === 'owner') call.set('authorization', world.ours.bearer.owner);
      const response = await call.send(body ?? {});
      if (response.status !== 201) {
        problems.push(`${op.operationId}: answered ${response.status} ${response.text.slice(0, 200)}`);
        continue;
      }
      const location = response.headers.location as string | undefined;
      const id = createdId(response.body);
      if (op.operationId in WITHOUT_LOCATION) {
        if (location)
          problems.push(`${op.operationId}: has a Location now (${location}); drop it from WITHOUT_LOCATION`);
        continue;
      }
      if (!id) {
        problems.push(`${op.operationId}: a 201 without an id`);
        continue;
      }
      if (!location) {
        problems.push(`${op.operationId}: no Location for ${id}`);
        continue;
      }
      const read = world.app.http().get(location);
      if (as === 'owner') read.set('authorization', world.ours.bearer.owner);
      const readBack = await read;
      if (readBack.status !== 200 || createdId(readBack.body) !== id) {
        problems.push(`${op.operationId}: GET ${location} answered ${readBack.status}, not the created ${id}`);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
