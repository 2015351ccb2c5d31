import 'reflect-metadata';
import { createApi } from './bootstrap.js';
import { SettingsError } from './config/settings.js';
import { stopOnSignals } from './shutdown.js';

/**
 * `npm run worker`: the application without an HTTP listener, running background jobs (and
 * cron ticks, which enqueue each tick's job once whatever the number of processes). Scale
 * these apart from API replicas that run with JOBS_WORKER=false.
 */
async function main(): Promise<void> {
  const api = await createApi({ ...process.env, JOBS_WORKER: 'true' });
  const { settings, embedded } = api;
  process.stdout.write(
    `Steward CRM worker running (no HTTP listener), database: ${embedded ? `embedded PGlite in ${settings.dataDir}/pglite` : 'DATABASE_URL'}\n`,
  );

  // Stops taking jobs, lets the running one finish, then closes the pool and the database.
  stopOnSignals(api, 'Worker stopped');
}

main().catch((error) => {
  process.stderr.write(
    error instanceof SettingsError ? `${error.message}\n` : `Worker start-up failed: ${error.stack ?? error}\n`,
  );
  process.exit(1);
});
