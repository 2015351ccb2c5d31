import type { Db } from 'pg-boss';
import { PgBoss } from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Transaction } from './transaction.service.js';

/** The schema pg-boss keeps its queues, jobs and schedules in. */
export const JOB_SCHEMA = 'pgboss';

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * pg-boss statements over the API's own pool. On the embedded PGlite the API has ONE
 * connection (pglite-socket interleaves the statements of concurrent connections into
 * PGlite's single session, so a second connection's statement could land inside an open
 * transaction): pg-boss then queues for that connection like any request, and never runs
 * inside someone else's transaction. pg-boss unwraps node-postgres results itself.
 */
export function jobDatabaseOnPool(dataSource: DataSource): Db {
  const pool = (dataSource.driver as unknown as { master: PgQueryable }).master;
  return { executeSql: (text, values) => pool.query(text, values) as Promise<{ rows: unknown[] }> };
}

/**
 * pg-boss statements on the connection of an open transaction: a job sent through it
 * commits or rolls back with the change that caused it (outbox semantics).
 */
export function jobDatabaseIn(tx: Transaction): Db {
  const runner = tx.manager.queryRunner;
  if (!runner) throw new Error('A Transaction always has a query runner');
  return {
    async executeSql(text, values) {
      const client = (await runner.connect()) as PgQueryable;
      return (await client.query(text, values)) as { rows: unknown[] };
    },
  };
}

/**
 * Creates or upgrades pg-boss's schema with pg-boss's own migrations (versioned, under its
 * own advisory lock), on the connection `runMigrations` already holds. Done at migrate time,
 * not when the app starts, so the build's embedded template and the test templates include it.
 */
export async function migrateJobSchema(dataSource: DataSource): Promise<void> {
  const boss = new PgBoss({
    db: jobDatabaseOnPool(dataSource),
    schema: JOB_SCHEMA,
    migrate: true,
    createSchema: true,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}
