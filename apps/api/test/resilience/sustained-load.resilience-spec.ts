import { generateKey } from '#crypto';
import {
  type ApiProcess,
  createOrganization,
  createTestApp,
  loadTenant,
  median,
  mixedWorkload,
  runLoad,
  sampleRss,
  startApiProcess,
  TEST_PASSWORD,
  type TestApp,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
/** The benchmark's concurrency (bench/run: 32 connections). */
const CONNECTIONS = 32;
const SECONDS = Number(process.env.RESILIENCE_LOAD_SECONDS ?? 300);
const RSS_EVERY_MS = 2_000;
/**
 * The bound on memory growth: the median RSS of the last minute may exceed the first
 * minute's by at most this share. A leak of a few KB per request (≈100 k requests in five
 * minutes) passes it; one of the size of a response per request does not.
 */
const RSS_DRIFT_BOUND = 0.2;

/**
 * The built API (`node dist/apps/api/src/main.js`) under a sustained mixed read/write
 * workload for RESILIENCE_LOAD_SECONDS at 32 connections: every answer 2xx, no socket error,
 * and resident memory flat (first minute against last minute).
 */
(onServer ? describe : describe.skip)('sustained mixed load', () => {
  let seedApp: TestApp;
  let api: ApiProcess;
  const masterKey = generateKey().toString('base64');

  beforeAll(async () => {
    // The tenant is made on the test file's database by the in-process app; the built API serves it.
    seedApp = await createTestApp({ env: { MASTER_KEY: masterKey, JOBS_WORKER: 'false' } });
    api = await startApiProcess({
      DATABASE_URL: seedApp.db.url,
      MASTER_KEY: masterKey,
      DATABASE_POOL_SIZE: '10',
      JOBS_WORKER: 'false',
      // The budgets are for people; this is a load test of one owner and one key.
      RATE_LIMIT_PER_MINUTE: '1000000000',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await seedApp?.close();
  });

  it(
    'should answer every request of the mixed workload with 2xx and keep its memory flat',
    async () => {
      const org = await createOrganization(seedApp, ['owner']);
      const tenant = await loadTenant(api.origin, org.users.owner.email, TEST_PASSWORD);
      const byStep: Record<string, number> = {};
      const requests = mixedWorkload(tenant, 'sustained', (status, kind) => {
        const name = `${kind} ${status}`;
        byStep[name] = (byStep[name] ?? 0) + 1;
      });
      const rss = sampleRss(api.pid, RSS_EVERY_MS);
      const load = await runLoad({ origin: api.origin, connections: CONNECTIONS, seconds: SECONDS, requests });
      const samples = rss.stop();

      // The first and the last minute (a third of the run each when it is shorter than three minutes).
      const windowMs = Math.min(60_000, (SECONDS * 1_000) / 3);
      const end = samples[samples.length - 1].atMs;
      const first = median(samples.filter((s) => s.atMs <= windowMs).map((s) => s.mb));
      const last = median(samples.filter((s) => s.atMs >= end - windowMs).map((s) => s.mb));
      const drift = (last - first) / first;
      const [{ clients, contacts, jobs }] = await seedApp.db.query<{ clients: string; contacts: string; jobs: string }>(
        `SELECT (SELECT count(*) FROM clients WHERE organization_id = $1)::text AS clients,
                (SELECT count(*) FROM contacts WHERE organization_id = $1)::text AS contacts,
                (SELECT count(*) FROM jobs WHERE organization_id = $1)::text AS jobs`,
        [org.organizationId],
      );
      writeResult('resilience-load', {
        database: 'PostgreSQL',
        connections: CONNECTIONS,
        ...load,
        created: { clients: Number(clients), contacts: Number(contacts), jobs: Number(jobs) },
        steps: byStep,
        rss: {
          everySeconds: RSS_EVERY_MS / 1_000,
          windowSeconds: windowMs / 1_000,
          firstMb: Math.round(first),
          lastMb: Math.round(last),
          peakMb: Math.round(Math.max(...samples.map((s) => s.mb))),
          driftPercent: Math.round(drift * 1000) / 10,
          boundPercent: RSS_DRIFT_BOUND * 100,
        },
      });

      expect(load.requests).toBeGreaterThan(SECONDS * 10);
      expect({ errors: load.errors, timeouts: load.timeouts, non2xx: load.non2xx }).toEqual({
        errors: 0,
        timeouts: 0,
        non2xx: 0,
      });
      expect(Number(clients)).toBeGreaterThan(0);
      expect(drift).toBeLessThanOrEqual(RSS_DRIFT_BOUND);
    },
    (SECONDS + 120) * 1_000,
  );
});
