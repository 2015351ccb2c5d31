import { existsSync } from 'node:fs';
import { generateKey } from '#crypto';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  createTestDatabase,
  expectProblem,
  startWorker,
  type TestApp,
  type TestDatabase,
  type TestOrganization,
  waitFor,
} from '#testing';
import { ErasureService } from './erasure.service.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const COMMUNICATIONS = 40;
const CLIENT_CATEGORIES = ['crm.clients', 'crm.communications', 'crm.invoices', 'crm.jobs', 'crm.schedules'];

/**
 * The erasure pipeline end to end: a client with records in every category is erased as a
 * job, in small steps; the worker is killed mid-way, and the erasure completes once when
 * it runs again: every receipt, each audit entry once, the key destroyed, nothing readable.
 */
describe('erasure pipeline', () => {
  let db: TestDatabase;
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let branch: string;
  const masterKey = generateKey().toString('base64');
  // Steps of two records: the subject's 40 communications take 20 transactions.
  const env = { MASTER_KEY: masterKey, ERASURE_BATCH_SIZE: '2', JOBS_WORKER: 'false' };

  const http = () => app.http();
  const post = async (path: string, body: object) =>
    (await http().post(`/api/v1${path}`).set('authorization', owner).send(body).expect(201)).body;

  /** A client who is a person, with communications, a job, a visit and an issued invoice. */
  const clientWithHistory = async (name: string) => {
    const client = await post('/clients', {
      kind: 'individual',
      name,
      email: `${name.split(' ')[0]}@example.test`,
      branchId: branch,
    });
    for (let i = 0; i < COMMUNICATIONS; i++) {
      await post('/communications', {
        clientId: client.id,
        kind: 'note',
        direction: 'internal',
        body: `Private note ${i} about ${name}`,
      });
    }
    const job = await post('/jobs', { clientId: client.id, title: `Boiler for ${name}` });
    await post('/schedule', {
      kind: 'job_visit',
      jobId: job.id,
      assigneeId: org.users.owner.id,
      startsAt: '2031-03-03T09:00:00.000Z',
      endsAt: '2031-03-03T10:00:00.000Z',
      title: `Visit ${name}`,
      allowDoubleBooking: true,
    });
    const invoice = await post('/invoices', {
      clientId: client.id,
      currency: 'GBP',
      lines: [{ description: 'Service', quantity: 1, unitPriceMinor: 5000, taxCode: 'STD' }],
    });
    await http()
      .post(`/api/v1/invoices/${invoice.id}/issue`)
      .set('authorization', owner)
      .send({ version: 1 })
      .expect(200);
    return { client, job, invoice };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp({ db, env });
    org = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    branch = (await post('/branches', { name: 'Leeds' })).id;
    await post('/tax-policies', {
      name: 'UK VAT',
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2000-01-01',
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const counts = async (clientId: string) => {
    const [row] = await db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM clients WHERE id = $1)::text AS clients,
              (SELECT count(*) FROM communications WHERE client_id = $1)::text AS communications,
              (SELECT count(*) FROM jobs WHERE client_id = $1)::text AS jobs,
              (SELECT count(*) FROM schedule_entries WHERE client_id = $1)::text AS schedules,
              (SELECT count(*) FROM invoices WHERE client_id = $1 AND bill_to_enc IS NOT NULL)::text AS billed`,
      [clientId],
    );
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
  };
  const auditCount = async (action: string, targetId: string) =>
    Number(
      (
        await db.query<{ n: string }>(
          'SELECT count(*)::text AS n FROM audit_entries WHERE action = $1 AND target_id = $2',
          [action, targetId],
        )
      )[0].n,
    );

  /** Everything the issue asks of a finished erasure, and that a bystander is untouched. */
  const expectErased = async (erasureId: string, clientId: string, bystander: string) => {
    const receipts = await db.query<{ category: string; affected: number; mode: string; completed_at: Date | null }>(
      'SELECT category, affected, mode, completed_at FROM erasure_receipts WHERE erasure_id = $1 ORDER BY category',
      [erasureId],
    );
    expect(receipts.map((receipt) => receipt.category)).toEqual(CLIENT_CATEGORIES);
    expect(receipts.every((receipt) => receipt.completed_at instanceof Date)).toBe(true);
    const byCategory = Object.fromEntries(receipts.map((receipt) => [receipt.category, receipt]));
    expect(byCategory['crm.communications']).toMatchObject({ affected: COMMUNICATIONS, mode: 'delete' });
    expect(byCategory['crm.jobs']).toMatchObject({ affected: 1, mode: 'delete' });
    expect(byCategory['crm.schedules']).toMatchObject({ affected: 1, mode: 'delete' });
    expect(byCategory['crm.invoices']).toMatchObject({ affected: 1, mode: 'deidentify' });
    expect(byCategory['crm.clients']).toMatchObject({ affected: 1, mode: 'delete' });

    expect(await counts(clientId)).toEqual({ clients: 0, communications: 0, jobs: 0, schedules: 0, billed: 0 });
    const [key] = await db.query<{ wrapped_key: Buffer | null; destroyed_at: Date | null }>(
      'SELECT wrapped_key, destroyed_at FROM subject_keys WHERE subject_id = $1',
      [`client:${clientId}`],
    );
    expect(key).toMatchObject({ wrapped_key: null, destroyed_at: expect.any(Date) });
    const [erasure] = await db.query<{ completed_at: Date | null; key_destroyed_at: Date | null }>(
      'SELECT completed_at, key_destroyed_at FROM erasures WHERE id = $1',
      [erasureId],
    );
    expect(erasure).toMatchObject({ completed_at: expect.any(Date), key_destroyed_at: expect.any(Date) });
    expect(await auditCount('privacy.erasure.category', clientId)).toBe(CLIENT_CATEGORIES.length);
    expect(await auditCount('privacy.erasure.completed', clientId)).toBe(1);
    expectProblem(await http().get(`/api/v1/clients/${clientId}`).set('authorization', owner), 404, 'not-found');
    // Nothing outside the subject was touched.
    expect(await counts(bystander)).toEqual({
      clients: 1,
      communications: COMMUNICATIONS,
      jobs: 1,
      schedules: 1,
      billed: 1,
    });
    await http().get(`/api/v1/clients/${bystander}`).set('authorization', owner).expect(200);
    const verified = await http().post('/api/v1/audit/verify').set('authorization', owner).expect(200);
    expect(verified.body.intact).toBe(true);
  };

  it('should erase every category in steps, destroy the key last, and do nothing twice when run again', async () => {
    const [subject, bystander] = [await clientWithHistory('Erin Erased'), await clientWithHistory('Sam Stays')];
    const sut = app.app.get(ErasureService);
    const outcome = await sut.eraseNow({ kind: 'client', id: subject.client.id, organizationId: org.organizationId });
    await expectErased(outcome.erasure.id, subject.client.id, bystander.client.id);
    // A retry of a finished erasure changes nothing and writes no second entry.
    await sut.run(org.organizationId, outcome.erasure.id);
    await expectErased(outcome.erasure.id, subject.client.id, bystander.client.id);
  });

  // The worker runs as a separate process (the built `npm run worker`) that the test kills.
  // On PGlite it cannot: the embedded database serves one process's single connection.
  (onServer && existsSync('dist/apps/api/src/worker.js') ? it : it.skip)(
    'should complete once when the worker is killed in the middle of an erasure and it runs again',
    async () => {
      const [subject, bystander] = [await clientWithHistory('Kim Killed'), await clientWithHistory('Lee Left')];
      const erasureId = await app.app
        .get(ErasureService)
        .start({ kind: 'client', id: subject.client.id, organizationId: org.organizationId });

      const worker = startWorker(db.url, env);
      try {
        // Kill it once it is inside a category: some of its steps committed, some not.
        await waitFor(async () => {
          const [row] = await db.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM erasure_receipts
              WHERE erasure_id = $1 AND category = 'crm.communications' AND completed_at IS NULL AND affected > 0`,
            [erasureId],
          );
          return row.n === '1';
        });
        worker.kill('SIGKILL');
        await new Promise((resolve) => worker.once('exit', resolve));
      } finally {
        if (worker.exitCode === null) worker.kill('SIGKILL');
      }
      const midway = await counts(subject.client.id);
      expect(midway.communications).toBeGreaterThan(0);
      expect(midway.communications).toBeLessThan(COMMUNICATIONS);
      expect(midway.clients).toBe(1);
      const [key] = await db.query<{ wrapped_key: Buffer | null }>(
        'SELECT wrapped_key FROM subject_keys WHERE subject_id = $1',
        [`client:${subject.client.id}`],
      );
      expect(key.wrapped_key).not.toBeNull();

      // The job's next attempt (after its expiry) runs the same handler: here, at once.
      await app.app.get(ErasureService).run(org.organizationId, erasureId);
      await expectErased(erasureId, subject.client.id, bystander.client.id);
    },
    120_000,
  );
});
