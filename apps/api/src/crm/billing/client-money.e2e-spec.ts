import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { IdentityService } from '../../identity/identity.service.js';

/**
 * A client's money as its page shows it (the balance per currency), and the one way an
 * agent reaches money: payments:write on the invoices of jobs assigned to them.
 */
describe('client balance and agents taking payments', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let leeds: string;
  let bristol: string;

  const http = () => app.http();
  const post = async (path: string, body: object, auth = owner) => {
    const response = await http().post(path).set('authorization', auth).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const invoice = async (
    clientId: string,
    { unitPriceMinor = 10_000, currency = 'GBP', jobId, issue = true, dueDate }: InvoiceOptions = {},
  ) => {
    const draft = await post('/api/v1/invoices', {
      clientId,
      currency,
      ...(jobId ? { jobId } : {}),
      lines: [{ description: 'Work', quantity: 1, unitPriceMinor, taxCode: 'ZERO' }],
    });
    if (!issue) return draft;
    return post(`/api/v1/invoices/${draft.id}/issue`, {
      version: draft.version,
      issueDate: '2026-01-01',
      ...(dueDate ? { dueDate } : {}),
    });
  };
  const pay = (id: string, amountMinor: number, auth = owner) =>
    http()
      .post(`/api/v1/invoices/${id}/payments`)
      .set('authorization', auth)
      .send({ amountMinor, paidOn: '2026-01-15', method: 'card' });
  const balance = (clientId: string, auth = owner) =>
    http().get(`/api/v1/clients/${clientId}/balance`).set('authorization', auth);
  const inBranch = async (role: string, branchId: string) => {
    const { version } = (await http().get(`/api/v1/users/${org.users[role].id}`).set('authorization', owner)).body;
    await http()
      .patch(`/api/v1/users/${org.users[role].id}`)
      .set('authorization', owner)
      .send({ version, branchIds: [branchId] })
      .expect(200);
  };

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'manager', 'agent', 'viewer', 'privacy_officer']);
    const other = await app.app.get(IdentityService).createUser(org.organizationId, {
      profile: {
        email: `other.agent.${org.organizationId.slice(0, 8)}@example.test`,
        fullName: 'Other Agent',
        phone: null,
        jobTitle: null,
        company: null,
      },
      role: 'agent',
      password: TEST_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });
    org.users.otherAgent = { id: other.id, email: other.email };
    owner = await bearerFor(app, org.users.owner.email);
    leeds = (await post('/api/v1/branches', { name: 'Leeds' })).id;
    bristol = (await post('/api/v1/branches', { name: 'Bristol' })).id;
    for (const role of ['manager', 'agent', 'otherAgent']) await inBranch(role, leeds);
    await post('/api/v1/tax-policies', {
      name: 'None',
      pricing: 'exclusive',
      rates: [{ code: 'ZERO', name: 'Zero', basisPoints: 0 }],
      effectiveFrom: '2020-01-01',
    });
  });
  afterAll(() => app.close());

  it('should sum what a client owes, what is overdue and what it paid, per currency', async () => {
    const client = (await post('/api/v1/clients', { kind: 'company', name: 'Balance Ltd', branchId: leeds })).id;
    expect((await balance(client).expect(200)).body).toEqual({ clientId: client, currencies: [] });
    const overdue = await invoice(client, { unitPriceMinor: 30_000, dueDate: '2026-01-31' });
    await pay(overdue.id, 5_000).expect(201);
    const current = await invoice(client, { unitPriceMinor: 20_000, dueDate: '2099-12-31' });
    await pay(current.id, 1_000).expect(201);
    const paid = await invoice(client, { unitPriceMinor: 7_000 });
    await pay(paid.id, 7_000).expect(201);
    const voided = await invoice(client, { unitPriceMinor: 99_000 });
    await post(`/api/v1/invoices/${voided.id}/void`, { version: voided.version });
    await invoice(client, { unitPriceMinor: 50_000, issue: false });
    await invoice(client, { unitPriceMinor: 4_000, currency: 'EUR', dueDate: '2099-12-31' });
    // A Bristol invoice of the same client: the owner counts it, a Leeds manager does not.
    await invoice(client, { unitPriceMinor: 1_500, dueDate: '2099-12-31' });
    const bristolDraft = await post('/api/v1/invoices', {
      clientId: client,
      branchId: bristol,
      currency: 'GBP',
      lines: [{ description: 'Elsewhere', quantity: 1, unitPriceMinor: 800, taxCode: 'ZERO' }],
    });
    await post(`/api/v1/invoices/${bristolDraft.id}/issue`, {
      version: bristolDraft.version,
      issueDate: '2026-01-01',
      dueDate: '2026-01-02',
    });

    const body = (await balance(client).expect(200)).body;
    expect(body.currencies).toEqual([
      {
        currency: 'EUR',
        openInvoices: 1,
        outstandingMinor: 4_000,
        overdueInvoices: 0,
        overdueMinor: 0,
        paidMinor: 0,
        paidInvoices: 0,
        drafts: 0,
      },
      {
        currency: 'GBP',
        // 250.00 + 190.00 + 15.00 + 8.00 still owed; 250.00 + 8.00 of it overdue.
        openInvoices: 4,
        outstandingMinor: 25_000 + 19_000 + 1_500 + 800,
        overdueInvoices: 2,
        overdueMinor: 25_000 + 800,
        // Every payment received, the fully paid invoice included; nothing of the void or the draft.
        paidMinor: 5_000 + 1_000 + 7_000,
        paidInvoices: 1,
        drafts: 1,
      },
    ]);

    const manager = await bearerFor(app, org.users.manager.email);
    const gbp = (await balance(client, manager).expect(200)).body.currencies.find(
      (entry: { currency: string }) => entry.currency === 'GBP',
    );
    expect(gbp).toMatchObject({ openInvoices: 3, outstandingMinor: 25_000 + 19_000 + 1_500, overdueMinor: 25_000 });
    await balance(client, await bearerFor(app, org.users.viewer.email)).expect(200);
  });

  it('should show no money to those without invoices:read, and 404 for clients out of reach', async () => {
    const client = (await post('/api/v1/clients', { kind: 'company', name: 'Private Money', branchId: bristol })).id;
    for (const role of ['agent', 'privacy_officer']) {
      expectProblem(await balance(client, await bearerFor(app, org.users[role].email)), 403, 'forbidden');
    }
    // A Leeds manager cannot see a Bristol client: as if it did not exist.
    expectProblem(await balance(client, await bearerFor(app, org.users.manager.email)), 404, 'not-found');
    const theirs = await createOrganization(app, ['owner']);
    expectProblem(await balance(client, await bearerFor(app, theirs.users.owner.email)), 404, 'not-found');
    expectProblem(await balance('00000000-0000-4000-8000-000000000000'), 404, 'not-found');
  });

  it('should let an agent read and take payments on invoices of jobs assigned to them, and no other', async () => {
    const agent = await bearerFor(app, org.users.agent.email);
    const client = (await post('/api/v1/clients', { kind: 'company', name: 'Field Client', branchId: leeds })).id;
    const job = async (assignee: string) =>
      (await post('/api/v1/jobs', { clientId: client, title: 'Fix it', assignedUserIds: [assignee] })).id;
    const theirJob = await job(org.users.agent.id);
    const colleaguesJob = await job(org.users.otherAgent.id);
    const mine = await invoice(client, { unitPriceMinor: 12_000, jobId: theirJob });
    const colleagues = await invoice(client, { unitPriceMinor: 9_000, jobId: colleaguesJob });
    const noJob = await invoice(client, { unitPriceMinor: 3_000 });

    // The list holds only invoices of their jobs, whatever the filter.
    const listed = await http().get('/api/v1/invoices?limit=100').set('authorization', agent).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    const byJob = await http().get(`/api/v1/invoices?jobId=${theirJob}`).set('authorization', agent).expect(200);
    expect(byJob.body.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    const byColleague = await http().get(`/api/v1/invoices?jobId=${colleaguesJob}`).set('authorization', agent);
    expect(byColleague.body.items).toEqual([]);

    // Their invoice: read it, its payments and its PDF, and take a payment.
    await http().get(`/api/v1/invoices/${mine.id}`).set('authorization', agent).expect(200);
    await http().get(`/api/v1/invoices/${mine.id}/pdf`).set('authorization', agent).expect(200);
    const paid = await pay(mine.id, 12_000, agent).expect(201);
    expect(paid.body.payment.recordedBy).toBe(org.users.agent.id);
    expect(paid.body.invoice).toMatchObject({ status: 'paid', balanceMinor: 0 });
    const payments = await http().get(`/api/v1/invoices/${mine.id}/payments`).set('authorization', agent).expect(200);
    expect(payments.body.items).toHaveLength(1);

    // Another agent's job, or no job: as if the invoice did not exist, and nothing paid.
    for (const other of [colleagues, noJob]) {
      expectProblem(await http().get(`/api/v1/invoices/${other.id}`).set('authorization', agent), 404, 'not-found');
      expectProblem(await pay(other.id, 100, agent), 404, 'not-found');
      expectProblem(
        await http().get(`/api/v1/invoices/${other.id}/payments`).set('authorization', agent),
        404,
        'not-found',
      );
      expectProblem(await http().get(`/api/v1/invoices/${other.id}/pdf`).set('authorization', agent), 404, 'not-found');
    }
    const [{ total }] = await app.db.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM payments WHERE invoice_id = ANY($1::uuid[])',
      [[colleagues.id, noJob.id]],
    );
    expect(total).toBe(0);

    // Everything else about invoices stays out of an agent's reach.
    expectProblem(
      await http().get(`/api/v1/invoices/${mine.id}/activity`).set('authorization', agent),
      403,
      'forbidden',
    );
    expectProblem(
      await http().post(`/api/v1/invoices/${noJob.id}/void`).set('authorization', agent).send({ version: 2 }),
      403,
      'forbidden',
    );
    expectProblem(
      await http()
        .post('/api/v1/invoices')
        .set('authorization', agent)
        .send({ clientId: client, currency: 'GBP', lines: [] }),
      403,
      'forbidden',
    );
    expectProblem(await http().post(`/api/v1/invoices/${mine.id}/send`).set('authorization', agent), 403, 'forbidden');

    // Reassigned away from the job, the invoice goes out of their reach with it.
    const { version } = (await http().get(`/api/v1/jobs/${theirJob}`).set('authorization', owner)).body;
    await http()
      .patch(`/api/v1/jobs/${theirJob}`)
      .set('authorization', owner)
      .send({ version, assignedUserIds: [org.users.otherAgent.id] })
      .expect(200);
    expectProblem(await http().get(`/api/v1/invoices/${mine.id}`).set('authorization', agent), 404, 'not-found');
  });

  it('should keep payments:write from API keys, which record payments with invoices:write', async () => {
    const refused = await http()
      .post('/api/v1/api-keys')
      .set('authorization', owner)
      .send({ name: 'Payments', scopes: ['payments:write'] });
    expectProblem(refused, 400, 'validation-failed');
    const roles = await http().get('/api/v1/roles').set('authorization', owner).expect(200);
    const agentRole = roles.body.items.find((entry: { role: string }) => entry.role === 'agent');
    expect(agentRole.permissions).toContain('payments:write');
    expect(agentRole.permissions).not.toContain('invoices:read');
  });
});

interface InvoiceOptions {
  unitPriceMinor?: number;
  currency?: string;
  jobId?: string;
  issue?: boolean;
  dueDate?: string;
}
