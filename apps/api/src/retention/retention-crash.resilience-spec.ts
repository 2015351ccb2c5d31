import { existsSync } from 'node:fs';
import {
  createOrganization,
  createTestApp,
  createTestDatabase,
  DAY_MS,
  killHard,
  startWorker,
  type TestApp,
  TestClock,
  type TestDatabase,
  type TestOrganization,
  waitFor,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { PLATFORM_CHAIN } from '../audit/audit-chain.js';
import { JobsService } from '../jobs/jobs.service.js';
import { RETENTION_RUN } from './retention.job.js';
import { RetentionRunner, STALE_RUN_MS } from './retention-runner.service.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const CATEGORY = 'consent.cookie-choices';
const BATCH = 50;
/** Expired cookie choices seeded per party; `heldUser` rows belong to a user under a subject hold. */
const SEED = { ours: 6_000, theirs: 4_000, heldUser: 400, heldOrganization: 1_500, visitors: 1_500, recent: 7 };
const EXPIRED_UNHELD = SEED.ours + SEED.theirs + SEED.visitors;
const HELD = SEED.heldUser + SEED.heldOrganization;
/** What a run writes besides the rule's own table: everything else must stay byte for byte. */
const RUN_WRITES = [
  'cookie_consents',
  'retention_runs',
  'retention_receipts',
  'audit_entries',
  'audit_pending',
  'audit_chain_heads',
];

/**
 * The retention purge survives a crash: a scheduled run of one rule is worked by the built
 * worker (`npm run worker`) in batches of 50, killed with SIGKILL after the first batch, midway
 * and near the last batch (a new worker continuing after each kill), taken over once its
 * heartbeat is stale, and resumed with its own cut-off. It ends with exact counts (every
 * expired unheld row once, nothing held, nothing within the period), one receipt, and every
 * other table as it was.
 */
describe('retention purge killed midway', () => {
  let db: TestDatabase;
  let app: TestApp;
  // The worker stamps heartbeats with the real clock: the test's clock starts at the real now.
  const clock = new TestClock(new Date());
  let ours: TestOrganization;
  let theirs: TestOrganization;
  let held: TestOrganization;
  const env = { RETENTION_PURGE_BATCH_SIZE: String(BATCH), JOBS_WORKER: 'false' };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp({ db, clock, env });
    ours = await createOrganization(app, ['owner']);
    theirs = await createOrganization(app, ['owner', 'agent']);
    held = await createOrganization(app, ['owner']);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const insert = (organizationId: string | null, userId: string | null, count: number, at: Date) =>
    db.query(
      `INSERT INTO cookie_consents (consent_id, categories, revision, recorded_at, organization_id, user_id)
       SELECT gen_random_uuid(), '{essential,analytics}', 1, $1::timestamptz - make_interval(secs => n), $2, $3
         FROM generate_series(1, $4) AS n`,
      [at, organizationId, userId, count],
    );
  const hold = (organizationId: string, setBy: string, target: { kind: string; id: string } | null) =>
    db.query(
      `INSERT INTO legal_holds (organization_id, scope, target_kind, target_id, reason, set_by_kind, set_by_id, set_at)
       VALUES ($1, $2, $3, $4, 'Matter 2026-77', 'user', $5, now())`,
      [organizationId, target ? 'subject' : 'organization', target?.kind ?? null, target?.id ?? null, setBy],
    );
  /** A digest of every table but those a run writes: what the purge must not touch. */
  const otherTables = async () => {
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY 1`,
      [RUN_WRITES],
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await db.query<{ digest: string | null }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      digests[name] = row.digest ?? 'empty';
    }
    return digests;
  };
  /** The rows that must survive: within the period or held (the expired unheld ones are not in it). */
  const survivors = async (cutoff: Date) =>
    (
      await db.query<{ n: number; digest: string }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS digest FROM cookie_consents t
          WHERE t.recorded_at >= $1
             OR t.organization_id = $2
             OR (t.organization_id = $3 AND t.user_id = $4)`,
        [cutoff, held.organizationId, theirs.organizationId, theirs.users.agent.id],
      )
    )[0];
  const runRow = async (id: string) =>
    (
      await db.query<{ status: string; purged: Record<string, number>; held: number; batches: number }>(
        'SELECT status, purged, held, batches FROM retention_runs WHERE id = $1',
        [id],
      )
    )[0];
  const receipts = (runId: string) =>
    db.query<{ organization_id: string | null; purged: Record<string, number>; held: number; batches?: number }>(
      `SELECT organization_id, details->'purged' AS purged, (details->>'held')::int AS held,
              (details->>'batches')::int AS batches
         FROM audit_entries WHERE action = 'retention.purged' AND details->>'run' = $1`,
      [runId],
    );

  // The worker runs as a separate process (the built `npm run worker`) that the test kills.
  // On PGlite it cannot: the embedded database serves one process's single connection.
  (onServer && existsSync('dist/apps/api/src/worker.js') ? it : it.skip)(
    'should end with the same counts, one receipt and nothing else touched when the worker is killed mid-purge',
    async () => {
      const expired = new Date(clock.nowMs() - 2_000 * DAY_MS);
      await insert(ours.organizationId, ours.users.owner.id, SEED.ours, expired);
      await insert(theirs.organizationId, theirs.users.owner.id, SEED.theirs, expired);
      await insert(theirs.organizationId, theirs.users.agent.id, SEED.heldUser, expired);
      await insert(held.organizationId, held.users.owner.id, SEED.heldOrganization, expired);
      await insert(null, null, SEED.visitors, expired);
      for (const organization of [ours, theirs, held]) {
        await insert(organization.organizationId, organization.users.owner.id, SEED.recent, clock.now());
      }
      await hold(theirs.organizationId, theirs.users.owner.id, { kind: 'user', id: theirs.users.agent.id });
      await hold(held.organizationId, held.users.owner.id, null);

      const runner = app.app.get(RetentionRunner);
      const request = { rule: 'cookie-choices', organizationId: null, trigger: 'schedule' as const };
      const run = await runner.start(request);
      if (!run) throw new Error('The run did not start');
      expect(run.held).toBe(HELD);
      const before = await otherTables();
      const kept = await survivors(run.cutoff);
      expect(kept.n).toBe(HELD + 3 * SEED.recent);
      // Killed after the first batch, midway and near the last one; a new worker (the job's retry,
      // sent at once instead of after its expiry) continues from where each kill left it.
      const batches = Math.ceil(EXPIRED_UNHELD / BATCH);
      const points = [1, Math.floor(batches / 2), batches - 10];
      let midway = await runRow(run.id);
      for (const point of points) {
        const worker = startWorker(db.url, env);
        try {
          await app.app.get(JobsService).enqueueNow(RETENTION_RUN, { runId: run.id });
          await waitFor(async () => (await runRow(run.id)).batches >= point);
        } finally {
          await killHard(worker);
        }
        midway = await runRow(run.id);
        expect(midway.status).toBe('running');
      }
      expect(midway.status).toBe('running');
      expect(midway.purged[CATEGORY]).toBeGreaterThan(0);
      expect(midway.purged[CATEGORY]).toBeLessThan(EXPIRED_UNHELD);
      // Counted with the deletes, in the same transactions: the table agrees with the run's count.
      const [{ n: left }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cookie_consents');
      expect(left).toBe(EXPIRED_UNHELD + HELD + 3 * SEED.recent - midway.purged[CATEGORY]);

      // Still fresh, the silent run is nobody's to take; past the stale limit it is taken over, not restarted.
      expect(await runner.start(request)).toBeNull();
      clock.set(new Date(Date.now() + STALE_RUN_MS + 1_000));
      const taken = await runner.start(request);
      expect(taken).toMatchObject({ id: run.id, cutoff: run.cutoff });
      // Two takers at once (the job's retry and the next run's job): batches one after the other, one finish.
      const [done, other] = await Promise.all([runner.continue(run.id), runner.continue(run.id)]);
      expect(other).toMatchObject({ status: 'completed', purged: done.purged, batches: done.batches });
      expect(done).toMatchObject({ status: 'completed', purged: { [CATEGORY]: EXPIRED_UNHELD }, held: HELD });
      // Its job retried later (the killed attempt expires) finds it finished and does nothing.
      await runner.continue(run.id);
      const after = await survivors(run.cutoff);
      expect(after).toEqual(kept);
      const [{ n: total }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cookie_consents');
      expect(total).toBe(kept.n);
      expect(await otherTables()).toEqual(before);

      const entries = await receipts(run.id);
      // The platform's trail holds the run's receipt, once; each organization's trail its own.
      const platform = entries.filter((entry) => entry.organization_id === PLATFORM_CHAIN);
      expect(platform).toEqual([
        { organization_id: PLATFORM_CHAIN, purged: { [CATEGORY]: EXPIRED_UNHELD }, held: HELD, batches: done.batches },
      ]);
      const byOrganization = Object.fromEntries(
        entries
          .filter((entry) => entry.organization_id !== PLATFORM_CHAIN)
          .map((entry) => [entry.organization_id, entry]),
      );
      expect(byOrganization).toEqual({
        [ours.organizationId]: expect.objectContaining({ purged: { [CATEGORY]: SEED.ours }, held: 0 }),
        [theirs.organizationId]: expect.objectContaining({ purged: { [CATEGORY]: SEED.theirs }, held: SEED.heldUser }),
        [held.organizationId]: expect.objectContaining({ purged: {}, held: SEED.heldOrganization }),
      });
      const [{ n: runs }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM retention_runs WHERE rule = 'cookie-choices'`,
      );
      expect(runs).toBe(1);
      writeResult('worker-kill-retention', {
        operation: `retention purge (${EXPIRED_UNHELD} expired rows, ${HELD} held)`,
        batches: done.batches,
        points: points.map((point) => `batch ${point}`),
        outcome: `completed once: ${done.purged[CATEGORY]} purged, ${HELD} held kept, 1 receipt, other tables unchanged`,
      });
    },
    300_000,
  );
});
