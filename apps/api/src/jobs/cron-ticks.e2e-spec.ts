import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '#testing';
import { JobsService } from './jobs.service.js';

const TICKS = 30;
const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

// Two API processes share one database. On PGlite they cannot: the embedded server has one
// session, and two apps mean two connections whose statements pglite-socket interleaves into
// it (the reason the API keeps one connection there). On PostgreSQL this is the real thing.
(onServer ? describe : describe.skip)('cron ticks across replicas', () => {
  let db: TestDatabase;
  let replicas: TestApp[];
  const runs: string[] = [];
  const ranOn = new Set<number>();

  beforeAll(async () => {
    db = await createTestDatabase();
    replicas = [];
    for (let i = 0; i < 2; i++) {
      // The first is an API-only replica: it ticks and enqueues, but runs no job.
      const replica = await createTestApp({
        db,
        env: { JOBS_POLL_INTERVAL_MS: '500', JOBS_WORKER: i === 0 ? 'false' : 'true' },
      });
      await replica.app.get(JobsService).register<{ tick: string }>({
        name: 'test.nightly',
        handle: async ({ tick }) => {
          runs.push(tick);
          ranOn.add(i);
        },
      });
      replicas.push(replica);
    }
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await db?.close();
  });

  it('should run each tick once however many replicas fire it', async () => {
    const start = Date.parse('2026-12-02T03:00:00.000Z');
    const ticks = Array.from({ length: TICKS }, (_, i) => new Date(start + i * 60_000));
    for (const at of ticks) {
      // Both replicas fire the same tick at once, as two schedulers would.
      const ids = await Promise.all(replicas.map((replica) => replica.app.get(JobsService).tick('test.nightly', at)));
      expect(ids.filter((id) => id !== null)).toHaveLength(1);
      // A late or repeated fire (a restart within the minute) enqueues nothing either.
      expect(await replicas[1].app.get(JobsService).tick('test.nightly', new Date(at.getTime() + 30_000))).toBeNull();
    }

    // pg-boss marks a job completed after its handler returns: wait for both.
    const completed = async () =>
      (
        await db.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'test.nightly' AND state = 'completed'`,
        )
      )[0].count;
    const deadline = Date.now() + 30_000;
    let done = await completed();
    while ((runs.length < TICKS || done < TICKS) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      done = await completed();
    }
    expect(done).toBe(TICKS);
    expect([...runs].sort()).toEqual(ticks.map((at) => at.toISOString()));
    expect([...ranOn]).toEqual([1]);
  });
});
