import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { migrateJobSchema } from './job-database.js';
import { MIGRATIONS } from './migrations/index.js';
import { TransactionService } from './transaction.service.js';

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Schema changes only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // PGlite has no uuid-ossp; gen_random_uuid() is core since PostgreSQL 13.
    uuidExtension: 'pgcrypto',
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
    logging: false,
  };
}

/**
 * Runs pending migrations, then pg-boss's own (its schema `pgboss`); returns the names of
 * ours. Safe to call from many replicas at once.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  try {
    // One replica migrates; the others wait on the lock and then find nothing to do.
    await dataSource.query('SELECT pg_advisory_lock(7324001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await migrateJobSchema(dataSource);
    await dataSource.query('SELECT pg_advisory_unlock(7324001)');
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** A connection for command-line tools that run beside the API (one connection). */
export async function openStandalone(
  url: string,
): Promise<{ transactions: TransactionService; close(): Promise<void> }> {
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  return { transactions: new TransactionService(dataSource), close: () => dataSource.destroy() };
}
