import { setTimeout as sleep } from 'node:timers/promises';
import { generateKey } from '#crypto';
import {
  type ApiProcess,
  createOrganization,
  createTestApp,
  type LiveMemory,
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
 * The bound on memory growth: live memory (V8 heap plus ArrayBuffers, after a full GC in the
 * API process) at the end of the run may exceed its value at the end of the first minute by
 * at most this share. RSS is reported, not bounded: V8 lets a busy process's heap grow
 * between major collections (docs/operations.md "Memory and Node flags"), so RSS drifts without a leak.
 * A cache that pinned 8 KB per created record (≈3 MB a minute here) fails it.
 */
const LIVE_DRIFT_BOUND = 0.15;
/** Live memory is read this long before the end, under load as at the end of the first window. */
const LAST_READ_BEFORE_END_MS = 3_000;

const liveMb = (memory: LiveMemory) => memory.heapUsedMb + memory.arrayBuffersMb;
const round = (mb: number) => Math.round(mb * 10) / 10;

/**
 * The built API (`node dist/apps/api/src/main.js`) under a sustained mixed read/write
 * workload for RESILIENCE_LOAD_SECONDS at 32 connections: every answer 2xx, no socket error,
 * and live memory flat (after a full GC, end of the first minute against the end).
 */
(onServer ? describe : describe.skip)('sustained mixed load', () => {
  let seedApp: TestApp;
  let api: ApiProcess;
  const masterKey = generateKey().toString('base64');

  beforeAll(async () => {
    // The tenant is made on the test file's database by the in-process app; the built API serves it.
    seedApp = await createTestApp({ env: { MASTER_KEY: masterKey, JOBS_WORKER: 'false' } });
    api = await startApiProcess(
      {
        DATABASE_URL: seedApp.db.url,
        MASTER_KEY: masterKey,
        DATABASE_POOL_SIZE: '10',
        JOBS_WORKER: 'false',
        // The budgets are for people; this is a load test of one owner and one key.
        RATE_LIMIT_PER_MINUTE: '1000000000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
      },
      { measureMemory: true },
    );
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
      // The first and the last minute (a third of the run each when it is shorter than three minutes).
      const windowMs = Math.min(60_000, (SECONDS * 1_000) / 3);
      const liveAt = (ms: number) => sleep(ms).then(() => api.liveMemory());
      const rss = sampleRss(api.pid, RSS_EVERY_MS);
      const [load, firstLive, lastLive] = await Promise.all([
        runLoad({ origin: api.origin, connections: CONNECTIONS, seconds: SECONDS, requests }),
        liveAt(windowMs),
        liveAt(SECONDS * 1_000 - LAST_READ_BEFORE_END_MS),
      ]);
      const samples = rss.stop();
      const liveDrift = (liveMb(lastLive) - liveMb(firstLive)) / liveMb(firstLive);

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
        },
        live: {
          firstAtSeconds: windowMs / 1_000,
          lastAtSeconds: (SECONDS * 1_000 - LAST_READ_BEFORE_END_MS) / 1_000,
          first: { heapMb: round(firstLive.heapUsedMb), arrayBuffersMb: round(firstLive.arrayBuffersMb) },
          last: { heapMb: round(lastLive.heapUsedMb), arrayBuffersMb: round(lastLive.arrayBuffersMb) },
          driftPercent: Math.round(liveDrift * 1000) / 10,
          boundPercent: LIVE_DRIFT_BOUND * 100,
        },
      });

      expect(load.requests).toBeGreaterThan(SECONDS * 10);
      expect({ errors: load.errors, timeouts: load.timeouts, non2xx: load.non2xx }).toEqual({
        errors: 0,
        timeouts: 0,
        non2xx: 0,
      });
      expect(Number(clients)).toBeGreaterThan(0);
      expect(liveDrift).toBeLessThanOrEqual(LIVE_DRIFT_BOUND);
    },
    (SECONDS + 120) * 1_000,
  );
});
