import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { runMigrations } from '../../../apps/api/src/database/data-source.js';
import { APP_ROLE } from '../../../apps/api/src/database/row-level-security.js';
import {
  migrationsHash,
  pgliteTemplatePath,
  serverUrl,
  templateDatabaseName,
  withDatabase,
} from './template-naming.mjs';

export interface TestDatabase {
  /** Connection URL of this test file's own, freshly migrated database, as its owner. */
  url: string;
  /**
   * The same database as the app's non-owner login role (a member of `steward_app`), which
   * row-level security binds; what test apps connect as. Absent on PGlite (one role).
   */
  appUrl?: string;
  /** True for the in-process PGlite: one backend, so the app must use one connection. */
  embedded: boolean;
  /** Runs SQL directly, as an auditor or attacker with database access would. */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Makes this database unreachable to the app, as a stopped server would be (its
   * connections are cut, new ones refused), without touching other files' databases.
   * Answers the function that makes it reachable again.
   */
  interrupt(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * A clean, migrated database for one test file: a clone of a migrated template on the
 * configured server (TEST_DATABASE_URL or DATABASE_URL), or an in-memory PGlite loaded
 * from a migrated dump. Files never share a database, so they run in parallel. The
 * template is migrated once, by whichever file gets there first.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  return server ? cloneOnServer(server) : cloneOnPglite();
}

/**
 * A new, empty database on the configured server (no tables, not migrated): the target of a
 * restore. Dropped by `close()`. Server only.
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  if (!server) throw new Error('createEmptyDatabase needs TEST_DATABASE_URL or DATABASE_URL');
  const name = `steward_test_empty_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  return onServer(server, admin, name);
}

async function cloneOnServer(server: string): Promise<TestDatabase> {
  const template = templateDatabaseName(migrationsHash());
  const name = `steward_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query('SELECT pg_advisory_lock(7324002)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      await runMigrations(withDatabase(server, template));
      await admin.query(`ALTER DATABASE "${template}" IS_TEMPLATE true`);
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await ensureAppLogin(admin);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7324002)');
  }
  return onServer(server, admin, name);
}

/** The database `name` just created on the server, for a test file; dropped by `close()`. */
async function onServer(server: string, admin: pg.Client, name: string): Promise<TestDatabase> {
  const url = withDatabase(server, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    appUrl: asUser(url, APP_LOGIN),
    embedded: false,
    query: async (sql, params) => (await client.query(sql, params)).rows,
    async interrupt() {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2', [
        name,
        pid,
      ]);
      return async () => {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      };
    },
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The login role test apps connect as: a member of the role the migrations grant to. */
const APP_LOGIN = 'steward_app_login';

async function ensureAppLogin(admin: pg.Client): Promise<void> {
  const [exists] = (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_LOGIN])).rows;
  if (!exists) await admin.query(`CREATE ROLE ${APP_LOGIN} LOGIN IN ROLE ${APP_ROLE}`);
}

function asUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}

async function cloneOnPglite(): Promise<TestDatabase> {
  const db = await PGlite.create({ loadDataDir: new Blob([await pgliteTemplate()]) });
  let server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    embedded: true,
    // bytea comes back from PGlite as Uint8Array; Buffer, as from a server, keeps the
    // "no plaintext in the raw row" checks honest (JSON of a Uint8Array is a list of numbers).
    query: async (sql, params) =>
      ((await db.query(sql, params)).rows as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value,
          ]),
        ),
      ) as never,
    async interrupt() {
      await server.stop();
      return async () => {
        const port = Number(address.split(':').pop());
        server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 });
        await server.start();
      };
    },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/** The migrated dump, built once per migrations hash; a lock file keeps workers from racing. */
async function pgliteTemplate(): Promise<Buffer> {
  const path = pgliteTemplatePath(migrationsHash());
  const lock = `${path}.lock`;
  const deadline = Date.now() + 120_000;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${path}`);
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another worker is building it; a lock older than two minutes is a crashed one.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(path)) writeFileSync(`${path}.partial`, await buildPgliteTemplate());
      if (!existsSync(path)) renameSync(`${path}.partial`, path);
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
  return readFileSync(path);
}

async function buildPgliteTemplate(): Promise<Buffer> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  try {
    await runMigrations(`postgres://postgres@${server.getServerConn()}/postgres`);
  } finally {
    await server.stop();
  }
  const dump = (await db.dumpDataDir('none')) as Blob;
  await db.close();
  return Buffer.from(await dump.arrayBuffer());
}
