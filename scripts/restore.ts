import { parseArgs } from 'node:util';
import { BackupError, backupIdentity } from '../apps/api/src/backups/backup-archive.js';
import { restoreBackup } from '../apps/api/src/backups/backup-tool.js';
import { loadSettings, SettingsError } from '../apps/api/src/config/settings.js';

const USAGE = 'Usage: npm run restore -- FILE [--identity IDENTITY_FILE]';

/**
 * `npm run restore -- FILE [--identity FILE]`: restores a backup into an empty database
 * (DATABASE_URL, or a DATA_DIR without a database), then destroys again every subject key
 * the key journal (KEY_JOURNAL_DIR) lists, so erasures made after the backup stay erased.
 * The age identity comes from --identity, BACKUP_AGE_IDENTITY, or outside production the
 * local identity in DATA_DIR.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { identity: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 1;
  }
  const settings = loadSettings(process.env);
  const identity = backupIdentity(settings, values.identity);
  const outcome = await restoreBackup(settings, positionals[0], identity);
  console.log(
    `Restored ${positionals[0]} into the ${outcome.target === 'embedded' ? 'embedded database' : 'database'} ` +
      `in ${outcome.seconds.toFixed(1)} s; destroyed ${outcome.reapplied} subject keys again from the key journal.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof SettingsError || error instanceof BackupError;
    console.error(known ? (error as Error).message : `Restore failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
