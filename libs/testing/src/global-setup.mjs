import pg from 'pg';
import { migrationsHash, serverUrl, templateDatabaseName, withDatabase } from './template-naming.mjs';

/**
 * Removes what an interrupted run left on the server: per-file databases and templates
 * of older migrations. Templates themselves are built lazily by the first test file that
 * needs one (database.ts), because only test files can load the app's TypeScript.
 *
 * Another run may share the server (a second checkout, another branch): a database that
 * anyone is connected to is in use and stays, as does a template of other migrations
 * younger than a day (its run may still clone it). Nothing is dropped WITH (FORCE).
 */
export default async function globalSetup() {
  const url = serverUrl();
  if (!url) return;
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  // A statement the server answers with FATAL closes the connection: never crash the run for it.
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    const stale = await admin.query(
      `SELECT d.datname, d.datistemplate FROM pg_database d
        WHERE (d.datname LIKE 'steward\\_test\\_%'
               OR (d.datname LIKE 'steward\\_template\\_%' AND d.datname <> $1
                   AND (pg_stat_file('base/' || d.oid || '/PG_VERSION')).modification < now() - interval '1 day'))
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
      [templateDatabaseName(migrationsHash())],
    );
    for (const { datname, datistemplate } of stale.rows) {
      // Only templates need unmarking. A drop interrupted elsewhere leaves an invalid database,
      // which PostgreSQL answers ALTER with FATAL (never a template, so never altered); another
      // run's set-up may have dropped it already: the drop below still works, or finds nothing.
      if (datistemplate) await admin.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`).catch(() => undefined);
      // A run that connected since the query keeps its database: the drop fails, and that is fine.
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}
