import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { migrateJobSchema } from './job-database.js';
import { MIGRATIONS } from './migrations/index.js';
import { grantAppRole, installTenantScope } from './row-level-security.js';
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
    await grantAppRole(dataSource);
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
  await installTenantScope(dataSource);
  return { transactions: new TransactionService(dataSource), close: () => dataSource.destroy() };
}

/** The app's pool: the data source, with each checked-out connection scoped to its tenant. */
export async function openAppDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const binds = await installTenantScope(dataSource);
  new Logger('Database').log(
    binds
      ? 'Row-level security binds this connection: each request sees only its organization'
      : "Connected as the tables' owner: row-level security does not bind (set DATABASE_MIGRATION_URL to separate them)",
  );
  return dataSource;
}
