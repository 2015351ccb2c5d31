import { BackupError } from '../apps/api/src/backups/backup-archive.js';
import { createBackup } from '../apps/api/src/backups/backup-tool.js';
import { loadSettings, SettingsError } from '../apps/api/src/config/settings.js';

/**
 * `npm run backup`: writes an encrypted, compressed dump of DATABASE_URL (pg_dump), or of the
 * embedded database under DATA_DIR (stop the API first), to BACKUP_DIR. See docs/operations.md.
 */
async function main(): Promise<void> {
  const settings = loadSettings(process.env);
  const file = await createBackup(settings, new Date());
  console.log(`Backup written: ${file}`);
}

main().catch((error: unknown) => {
  const known = error instanceof SettingsError || error instanceof BackupError;
  console.error(known ? (error as Error).message : `Backup failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
