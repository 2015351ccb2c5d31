import { Module } from '@nestjs/common';
import { BackupsJob } from './backups.job.js';
import { BackupsService } from './backups.service.js';

/**
 * Backups: the daily encrypted dump and its 90-day retention (`npm run backup` and `npm run
 * restore` use the same code, see backup-tool.ts). Erasures survive a restore through the
 * key journal of the keyring context.
 */
@Module({
  providers: [BackupsService, BackupsJob],
  exports: [BackupsService],
})
export class BackupsModule {}
