import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import { BackupUnavailableError, backupFileName, pruneBackups } from './backup-archive.js';
import { createBackup } from './backup-tool.js';

export interface DailyBackupOutcome {
  /** The backup written, null when none could be taken here (see the log). */
  file: string | null;
  /** Backups older than BACKUP_RETENTION_DAYS, deleted. */
  deleted: string[];
}

/**
 * The daily backup: a new encrypted dump, then every backup older than the retention
 * (90 days at most, as the privacy policy promises) is deleted. Idempotent per tick: the
 * file is named by the tick's time, and one that exists is not written again.
 */
@Injectable()
export class BackupsService {
  private readonly logger = new Logger('Backups');

  constructor(private readonly settings: AppSettings) {}

  async runDaily(at: Date): Promise<DailyBackupOutcome> {
    let file: string | null = resolve(this.settings.backup.dir, backupFileName(at));
    if (!existsSync(file)) {
      try {
        file = await createBackup(this.settings, at);
      } catch (error) {
        if (!(error instanceof BackupUnavailableError)) throw error;
        this.logger.warn(`No backup taken: ${error.message}`);
        file = null;
      }
    }
    const deleted = pruneBackups(this.settings.backup.dir, this.settings.backup.retentionDays, at);
    this.logger.log(`Daily backup ${file ? 'written' : 'skipped'}, ${deleted.length} older backups deleted`);
    return { file, deleted };
  }
}
