import { bearerFor, createOrganization, createTestApp, expectProblem, type TestApp } from '#testing';
import { TransactionService } from '../database/transaction.service.js';
import { JobsService } from './jobs.service.js';

/** Waits for a condition the worker brings about (it polls every 500 ms here); never for time itself. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(JobsService.name, () => {
  let sut: TestApp;
  let jobs: JobsService;
  const handled: string[] = [];

  beforeAll(async () => {
    sut = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '500' } });
    jobs = sut.app.get(JobsService);
    await jobs.register<{ recordId: string }>({
      name: 'test.record',
      handle: async ({ recordId }) => {
        handled.push(recordId);
      },
    });
    await jobs.register({
      name: 'test.broken',
      retryLimit: 1,
      retryDelaySeconds: 1,
      handle: async () => {
        throw new Error('record 42 is not ready');
      },
    });
  });

  afterAll(() => sut.close());

  const jobsNamed = async (name: string) =>
    sut.db.query<{ id: string; state: string; data: Record<string, unknown> }>(
      'SELECT id, state, data FROM pgboss.job WHERE name = $1 ORDER BY created_on',
      [name],
    );

  it('should leave no job behind when the transaction that enqueued it rolls back', async () => {
    const transactions = sut.app.get(TransactionService);
    await expect(
      transactions.run(async (tx) => {
        await jobs.enqueue(tx, 'test.record', { recordId: 'rolled-back' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const committedId = await transactions.run((tx) => jobs.enqueue(tx, 'test.record', { recordId: 'committed' }));

    const rows = await jobsNamed('test.record');
    expect(rows.map((row) => row.data.recordId)).toEqual(['committed']);
    expect(rows[0].id).toBe(committedId);
    await eventually(
      () => jobs.stateOf('test.record', committedId as string),
      (state) => state === 'completed',
    );
    expect(await jobs.stateOf('test.record', committedId as string)).toBe('completed');
    expect(handled).toEqual(['committed']);
  });

  it('should retry a failing job with back-off, then dead-letter it and show admins the count and error', async () => {
    const id = (await jobs.enqueueNow('test.broken', { recordId: '42' })) as string;
    await eventually(
      () => jobs.stateOf('test.broken', id),
      (state) => state === 'failed',
    );
    const [job] = await sut.db.query<{ state: string; retry_count: number }>(
      'SELECT state, retry_count FROM pgboss.job WHERE id = $1',
      [id],
    );
    expect(job).toEqual({ state: 'failed', retry_count: 1 });
    expect(await jobsNamed('test.broken.dead')).toHaveLength(1);

    const broken = (await jobs.failures()).find((summary) => summary.queue === 'test.broken');
    expect(broken).toMatchObject({ failed: 1, deadLettered: 1, lastError: 'record 42 is not ready' });
    expect(broken?.lastFailedAt).toBeInstanceOf(Date);
  });

  it('should show admins, and only them, the failures in the health details', async () => {
    const org = await createOrganization(sut, ['owner', 'admin', 'agent']);
    const admin = await bearerFor(sut, org.users.admin.email);
    const agent = await bearerFor(sut, org.users.agent.email);

    const details = await sut.http().get('/api/v1/health/details').set('authorization', admin).expect(200);
    expect(details.body.jobs).toContainEqual({
      queue: 'test.broken',
      failed: 1,
      deadLettered: 1,
      lastFailedAt: expect.any(String),
      lastError: 'record 42 is not ready',
    });
    expect(details.body.jobs).toContainEqual(expect.objectContaining({ queue: 'test.record', failed: 0 }));
    // Counts and error lines only: no payload leaves the job table.
    expect(JSON.stringify(details.body)).not.toContain('recordId');

    expectProblem(await sut.http().get('/api/v1/health/details').set('authorization', agent), 403, 'forbidden');
    expectProblem(await sut.http().get('/api/v1/health/details'), 401, 'unauthenticated');
  });
});
