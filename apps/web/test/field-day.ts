import { bearerFor, type TestApp, type TestOrganization } from '#testing';

/** A time today, local time: a visit that is "today" whenever the test runs. */
function todayAt(hours: number): Date {
  const day = new Date();
  day.setHours(hours, 0, 0, 0);
  return day;
}

export interface FieldDay {
  branchId: string;
  clientId: string;
  /** Assigned to the agent, with a visit today (so it is scheduled). */
  jobId: string;
  /** Issued to the client for the agent's job, £72.00 owed. */
  invoiceId: string;
}

/**
 * A field day through the API, as the owner: the manager and the agent work in the Leeds
 * branch; a client there has a job for the agent with a visit today, and an issued invoice for it.
 * Needs an organization with the manager and agent roles.
 */
export async function seedFieldDay(app: TestApp, org: TestOrganization): Promise<FieldDay> {
  const owner = await bearerFor(app, org.users.owner.email);
  const post = (path: string, body: object) => app.http().post(path).set('authorization', owner).send(body);
  const branch = await post('/api/v1/branches', { name: 'Leeds' });
  expect(branch.status).toBe(201);
  for (const role of ['manager', 'agent'] as const) {
    const record = await app.http().get(`/api/v1/users/${org.users[role].id}`).set('authorization', owner);
    const access = await app
      .http()
      .patch(`/api/v1/users/${org.users[role].id}`)
      .set('authorization', owner)
      .send({ version: record.body.version, role, branchIds: [branch.body.id] });
    expect(access.status).toBe(200);
  }
  const client = await post('/api/v1/clients', {
    kind: 'company',
    name: 'Riverside Plumbing',
    email: 'accounts@riverside.example',
    branchId: branch.body.id,
  });
  expect(client.status).toBe(201);
  const job = await post('/api/v1/jobs', {
    clientId: client.body.id,
    title: 'Replace boiler valve',
    priority: 'high',
    assignedUserIds: [org.users.agent.id],
  });
  expect(job.status).toBe(201);
  const visit = await post('/api/v1/schedule', {
    kind: 'job_visit',
    jobId: job.body.id,
    title: 'Replace boiler valve',
    assigneeId: org.users.agent.id,
    startsAt: todayAt(12).toISOString(),
    endsAt: todayAt(13).toISOString(),
  });
  expect(visit.status).toBe(201);

  const policy = await post('/api/v1/tax-policies', {
    name: 'UK VAT',
    pricing: 'exclusive',
    rates: [{ code: 'STD', name: 'Standard rate', basisPoints: 2000 }],
    effectiveFrom: '2020-01-01',
  });
  expect(policy.status).toBe(201);
  const invoice = await post('/api/v1/invoices', {
    clientId: client.body.id,
    jobId: job.body.id,
    currency: 'GBP',
    lines: [{ description: 'Call-out', quantity: 1, unitPriceMinor: 6000, taxCode: 'STD' }],
  });
  expect(invoice.status).toBe(201);
  const issued = await post(`/api/v1/invoices/${invoice.body.id}/issue`, { version: invoice.body.version });
  expect(issued.status).toBe(200);
  return { branchId: branch.body.id, clientId: client.body.id, jobId: job.body.id, invoiceId: invoice.body.id };
}
