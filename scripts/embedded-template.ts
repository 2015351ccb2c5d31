import { runMigrations } from '../apps/api/src/database/data-source.js';
import { buildEmbeddedTemplate, DEFAULT_TEMPLATE_DIR } from '../apps/api/src/database/embedded-postgres.js';

/**
 * Run by `npm start`'s build step: a migrated embedded cluster in `dist/pglite-template`,
 * which the API copies into an empty DATA_DIR instead of creating one (PGlite's initdb
 * takes a few seconds). A stale template is harmless: the API migrates on every start.
 */
async function main(): Promise<void> {
  const started = Date.now();
  await buildEmbeddedTemplate(DEFAULT_TEMPLATE_DIR, async (url) => {
    await runMigrations(url);
  });
  console.log(`Prepared the embedded database template in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  console.error(`Could not prepare the embedded database template: ${(error as Error).message}`);
  process.exit(1);
});
