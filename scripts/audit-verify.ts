import { verifyChains } from '../apps/api/src/audit/verify-chains.js';
import { loadSettings, SettingsError } from '../apps/api/src/config/settings.js';
import { openStandalone } from '../apps/api/src/database/data-source.js';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres.js';

/**
 * `npm run audit:verify [-- <organization id>]`: checks the audit hash chains in DATABASE_URL,
 * or in the embedded database under DATA_DIR (stop the API first). Exit code 0 when every
 * chain is intact, 2 when one is broken, 1 on error.
 */
async function main(): Promise<number> {
  const settings = loadSettings(process.env);
  const organizationId = process.argv[2];
  if (
    organizationId !== undefined &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organizationId)
  ) {
    console.error('Usage: npm run audit:verify [-- <organization id>]');
    return 1;
  }
  const embedded = settings.database.url ? undefined : await startEmbeddedPostgres({ dataDir: settings.dataDir });
  const database = await openStandalone(settings.database.url ?? (embedded?.url as string));
  try {
    const { intact } = await verifyChains(database.transactions, organizationId, (line) => console.log(line));
    return intact ? 0 : 2;
  } finally {
    await database.close();
    await embedded?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SettingsError ? error.message : `Verification failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
