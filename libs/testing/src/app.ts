import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { generateKey } from '#crypto';
import { createApi, type StartedApi } from '../../../apps/api/src/bootstrap.js';
import type { Clock } from '../../../apps/api/src/common/clock.js';
import type { RawEnvironment } from '../../../apps/api/src/config/settings.js';
import { recordCanariesOf } from './canaries.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { recordCanary, recordLogLine } from './run-record.mjs';

export interface TestApp {
  app: NestExpressApplication;
  api: StartedApi;
  db: TestDatabase;
  /** supertest bound to the app's HTTP server. */
  http: () => ReturnType<typeof supertest>;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: RawEnvironment;
  /** Runs before init: a test may add its own Express routes (e.g. a slow one). */
  configure?: (app: NestExpressApplication) => void;
  /** An existing database to reuse (e.g. to simulate a restart). */
  db?: TestDatabase;
  /** The app's clock, e.g. a `TestClock` the test sets and advances. */
  clock?: Clock;
}

/** The real application on this file's own database, with settings a test may override. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        logs.push(JSON.parse(line));
        recordLogLine(line); // for the log scan after the run (scripts/test.mjs)
      }
      done();
    },
  });
  const env: RawEnvironment = {
    NODE_ENV: 'test',
    // As the app's non-owner role where there is one (row-level security binds it), migrated as the owner.
    DATABASE_URL: db.appUrl ?? db.url,
    ...(db.appUrl ? { DATABASE_MIGRATION_URL: db.url } : {}),
    // PGlite serves one session: several connections interleave and fail (pglite-socket #1046).
    DATABASE_POOL_SIZE: db.embedded ? '1' : '4',
    MASTER_KEY: generateKey().toString('base64'),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-test-')),
    LOG_LEVEL: 'info',
    // Tests sign in often from one address; the rate-limit tests set their own budgets.
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  };
  recordCanary('master-key', env.MASTER_KEY);
  const api = await createApi(env, {
    logStream,
    beforeInit: (app) => {
      app.use(recordCanariesOf);
      options.configure?.(app);
    },
    clock: options.clock,
  });
  return {
    app: api.app,
    api,
    db,
    logs,
    http: () => supertest(api.app.getHttpServer()),
    async close() {
      await api.app.close();
      if (!options.db) await db.close();
    },
  };
}
