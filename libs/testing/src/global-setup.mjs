import pg from 'pg';
import { migrationsHash, serverUrl, templateDatabaseName, withDatabase } from './template-naming.mjs';

/**
 * Removes what an interrupted run left on the server: per-file databases and templates
 * of older migrations. Templates themselves are built lazily by the first test file that
 * needs one (database.ts), because only test files can load the app's TypeScript.
 */
export default async function globalSetup() {
  const url = serverUrl();
  if (!url) return;
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const stale = await admin.query(
      `SELECT datname FROM pg_database
        WHERE datname LIKE 'steward\\_test\\_%' OR (datname LIKE 'steward\\_template\\_%' AND datname <> $1)`,
      [templateDatabaseName(migrationsHash())],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
