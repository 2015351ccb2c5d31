import { loadSettings, SettingsError } from '../config/settings.js';
import { runMigrations } from './data-source.js';
import { DEFAULT_TEMPLATE_DIR, startEmbeddedPostgres } from './embedded-postgres.js';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  const embedded = settings.database.url
    ? undefined
    : await startEmbeddedPostgres({ dataDir: settings.dataDir, templateDir: DEFAULT_TEMPLATE_DIR });
  try {
    const applied = await runMigrations(settings.database.url ?? (embedded?.url as string));
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await embedded?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof SettingsError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
