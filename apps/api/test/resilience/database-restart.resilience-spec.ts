import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { generateKey } from '#crypto';
import {
  type ApiProcess,
  createOrganization,
  createTestApp,
  type LoadTenant,
  loadTenant,
  type PostgresCluster,
  startApiProcess,
  startPostgresCluster,
  TEST_PASSWORD,
  type TestDatabase,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { runMigrations } from '../../src/database/data-source.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const CONNECTIONS = 32;
const WARM_MS = 5_000;
const DOWN_MS = 4_000;
const AFTER_MS = 8_000;
const RECOVERY_BOUND_MS = 5_000;

interface Answer {
  sentAt: number;
  answeredAt: number;
  status: number;
  problem: boolean;
  retryAfter: string | null;
}

/** Runs SQL on the cluster with a connection of its own, so a restart leaves no broken client behind. */
const queryOn =
  (url: string) =>
  async <Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  };

/**
 * PostgreSQL itself stopped and started under load (`pg_ctl stop -m fast`), on a cluster the
 * test starts for itself: while it is down every answer is 503 problem+json with Retry-After
 * (never 500), service is back within 5 s of the server accepting connections, and every
 * write the API acknowledged (each 201's id) is in the database afterwards.
 */
(onServer ? describe : describe.skip)('PostgreSQL restarted under load', () => {
  let cluster: PostgresCluster;
  let api: ApiProcess;
  let tenant: LoadTenant;
  let databaseUrl: string;
  let organizationId: string;
  const masterKey = generateKey().toString('base64');

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    await queryOn(cluster.url)('CREATE DATABASE steward');
    databaseUrl = cluster.url.replace(/\/postgres$/, '/steward');
    await runMigrations(databaseUrl);
    const db: TestDatabase = {
      url: databaseUrl,
      embedded: false,
      query: queryOn(databaseUrl),
      interrupt: () => Promise.reject(new Error('not here: the test stops the server itself')),
      close: async () => undefined,
    };
    // The in-process app makes the tenant and goes; the built API serves the load.
    const seed = await createTestApp({ db, env: { MASTER_KEY: masterKey, JOBS_WORKER: 'false' } });
    const org = await createOrganization(seed, ['owner']);
    organizationId = org.organizationId;
    await seed.close();
    api = await startApiProcess({
      DATABASE_URL: databaseUrl,
      MASTER_KEY: masterKey,
      DATABASE_POOL_SIZE: '10',
      JOBS_WORKER: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000000',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    });
    tenant = await loadTenant(api.origin, org.users.owner.email, TEST_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    cluster?.remove();
  });

  it('should answer 503 while it is down, serve within 5 s of its return and lose no acknowledged write', async () => {
    const answers: Answer[] = [];
    const acknowledged: string[] = [];
    let running = true;
    let n = 0;
    const headers = { authorization: tenant.bearer, 'content-type': 'application/json' };
    const connection = async () => {
      while (running) {
        const write = n++ % 2 === 0;
        const sentAt = Date.now();
        try {
          const response = await fetch(`${api.origin}/api/v1/contacts${write ? '' : '?limit=20'}`, {
            method: write ? 'POST' : 'GET',
            headers,
            body: write
              ? JSON.stringify({ fullName: `Restart Contact ${n}`, branchId: tenant.branchId, tags: ['restart'] })
              : undefined,
          });
          const text = await response.text();
          answers.push({
            sentAt,
            answeredAt: Date.now(),
            status: response.status,
            problem: (response.headers.get('content-type') ?? '').startsWith('application/problem+json'),
            retryAfter: response.headers.get('retry-after'),
          });
          if (write && response.status === 201) acknowledged.push(JSON.parse(text).id);
          // A client told to come back later does, without hammering.
          if (response.status === 503) await sleep(50);
        } catch {
          answers.push({ sentAt, answeredAt: Date.now(), status: 0, problem: false, retryAfter: null });
        }
      }
    };
    const connections = Array.from({ length: CONNECTIONS }, connection);

    await sleep(WARM_MS);
    cluster.stop();
    const downFrom = Date.now();
    await sleep(DOWN_MS);
    const downUntil = Date.now();
    const acceptingAt = await cluster.start();
    const deadline = Date.now() + AFTER_MS;
    while (Date.now() < deadline) await sleep(100);
    running = false;
    await Promise.all(connections);

    const down = answers.filter((a) => a.sentAt >= downFrom && a.answeredAt <= downUntil);
    const unavailable = down.filter((a) => a.status === 503 && a.problem && Boolean(a.retryAfter));
    const firstBack = answers
      .filter((a) => a.answeredAt >= acceptingAt && a.status >= 200 && a.status < 300)
      .sort((a, b) => a.answeredAt - b.answeredAt)[0];
    const recoveryMs = firstBack ? firstBack.answeredAt - acceptingAt : Number.POSITIVE_INFINITY;
    const [{ found }] = await queryOn(databaseUrl)<{ found: string }>(
      'SELECT count(*)::text AS found FROM contacts WHERE organization_id = $1 AND id = ANY($2::uuid[])',
      [organizationId, acknowledged],
    );
    const count = (list: Answer[]) =>
      list.reduce<Record<string, number>>((all, a) => {
        all[a.status] = (all[a.status] ?? 0) + 1;
        return all;
      }, {});
    writeResult('resilience-database-restart', {
      connections: CONNECTIONS,
      downSeconds: Math.round((downUntil - downFrom) / 100) / 10,
      down: {
        requests: down.length,
        unavailable: unavailable.length,
        serverErrors: down.filter((a) => a.status === 500).length,
        statuses: count(down),
      },
      recoveryMs,
      recoveryBoundMs: RECOVERY_BOUND_MS,
      acknowledged: acknowledged.length,
      found: Number(found),
      lost: acknowledged.length - Number(found),
      statuses: count(answers),
    });

    expect(down.length).toBeGreaterThan(CONNECTIONS);
    expect(unavailable.length).toBe(down.length);
    // A 500 names its cause in the API's error log.
    expect({ failed: answers.filter((a) => a.status === 500 || a.status === 0).length, log: api.errors() }).toEqual({
      failed: 0,
      log: expect.anything(),
    });
    expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(Number(found)).toBe(acknowledged.length);
  }, 120_000);
});
