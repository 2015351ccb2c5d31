import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { generateKey } from '#crypto';
import {
  type ApiProcess,
  createOrganization,
  createTestApp,
  killHard,
  loadTenant,
  mixedWorkload,
  runLoad,
  startApiProcess,
  startWorker,
  TEST_PASSWORD,
  type TestApp,
  waitFor,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { WEBHOOK_DISPATCH } from '../../src/webhooks/webhook-delivery.job.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const CONNECTIONS = 32;
/** Long enough for two minute ticks of the every-minute schedule (webhook dispatch). */
const SECONDS = Math.max(130, Number(process.env.RESILIENCE_REPLICAS_SECONDS ?? 130));
const SIGN_IN_BUDGET = 5;
const ATTEMPTS = 12;
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9';

/**
 * Two built API replicas (`JOBS_WORKER=false`, both ticking the schedules) and one worker on
 * one database, under the mixed workload split between them: each tick of a scheduled job
 * is one job row, run once by the worker; and the rate limit's budget is one, in Redis,
 * spent across both replicas.
 */
(onServer ? describe : describe.skip)('two replicas and a worker', () => {
  let seedApp: TestApp;
  const replicas: ApiProcess[] = [];
  let worker: ChildProcess;
  const masterKey = generateKey().toString('base64');

  const flushRedis = async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.flushdb();
    await redis.quit();
  };

  beforeAll(async () => {
    await flushRedis();
    seedApp = await createTestApp({ env: { MASTER_KEY: masterKey, JOBS_WORKER: 'false' } });
    const env = {
      DATABASE_URL: seedApp.db.url,
      MASTER_KEY: masterKey,
      DATABASE_POOL_SIZE: '8',
      JOBS_WORKER: 'false',
      REDIS_URL: redisUrl,
      RATE_LIMIT_PER_MINUTE: '1000000000',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_BUDGET),
    };
    for (let i = 0; i < 2; i++) replicas.push(await startApiProcess(env));
    worker = startWorker(seedApp.db.url, { MASTER_KEY: masterKey, REDIS_URL: redisUrl });
  }, 120_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    if (worker) await killHard(worker);
    await seedApp?.close();
  });

  it(
    'should run each tick once and share the rate limit between the replicas under load',
    async () => {
      const org = await createOrganization(seedApp, ['owner']);
      const tenant = await loadTenant(replicas[0].origin, org.users.owner.email, TEST_PASSWORD);
      const started = new Date();
      const loads = await Promise.all(
        replicas.map((replica, i) =>
          runLoad({
            origin: replica.origin,
            connections: CONNECTIONS / 2,
            seconds: SECONDS,
            requests: mixedWorkload({ ...tenant, origin: replica.origin }, `replica-${i}`),
          }),
        ),
      );

      // Every tick since the load began: one row per tick key, completed by the worker.
      const ticks = async () =>
        seedApp.db.query<{ key: string; jobs: number; state: string; retries: number }>(
          `SELECT singleton_key AS key, count(*)::int AS jobs, string_agg(DISTINCT state::text, ',') AS state,
                  max(retry_count)::int AS retries
             FROM pgboss.job WHERE name = $1 AND created_on >= $2 GROUP BY singleton_key ORDER BY 1`,
          [WEBHOOK_DISPATCH, started],
        );
      await waitFor(async () => (await ticks()).every((tick) => tick.state === 'completed'), 60_000);
      const ran = await ticks();

      // The sign-in budget, counted in Redis: attempts alternate between the replicas.
      await flushRedis();
      const byReplica: Record<string, number> = {};
      let limited = 0;
      for (let i = 0; i < ATTEMPTS; i++) {
        const replica = i % 2;
        const response = await fetch(`${replicas[replica].origin}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
        });
        await response.arrayBuffer();
        if (response.status === 429) limited++;
        else byReplica[`replica ${replica + 1}`] = (byReplica[`replica ${replica + 1}`] ?? 0) + 1;
        await sleep(10);
      }
      const allowed = Object.values(byReplica).reduce((sum, n) => sum + n, 0);
      const sum = (key: 'requests' | 'errors' | 'non2xx' | 'timeouts') => loads.reduce((all, l) => all + l[key], 0);
      writeResult('resilience-replicas', {
        replicas: replicas.length,
        load: {
          seconds: SECONDS,
          connections: CONNECTIONS,
          requests: sum('requests'),
          errors: sum('errors') + sum('timeouts'),
          non2xx: sum('non2xx'),
        },
        ticks: ran,
        rateLimit: { budget: SIGN_IN_BUDGET, sent: ATTEMPTS, allowed, limited, byReplica },
      });

      expect(sum('errors') + sum('timeouts') + sum('non2xx')).toBe(0);
      expect(ran.length).toBeGreaterThanOrEqual(2);
      expect(ran.filter((tick) => tick.jobs !== 1 || tick.state !== 'completed' || tick.retries !== 0)).toEqual([]);
      expect(allowed).toBe(SIGN_IN_BUDGET);
      expect(limited).toBe(ATTEMPTS - SIGN_IN_BUDGET);
      expect(Object.keys(byReplica).sort()).toEqual(['replica 1', 'replica 2']);
    },
    (SECONDS + 180) * 1_000,
  );
});
