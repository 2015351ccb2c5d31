import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { BackupsService } from './backups.service.js';

export const BACKUPS_DAILY = 'backups.daily';

/** Schedules the daily backup: every replica may tick, the tick's job runs once. */
@Injectable()
export class BackupsJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly backups: BackupsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ tick: string }>({
      name: BACKUPS_DAILY,
      handle: async ({ tick }) => {
        await this.backups.runDaily(new Date(tick));
      },
      // A dump of a large database takes a while; a killed attempt is retried with the same file name.
      expireInSeconds: 3_600,
      retryDelaySeconds: 300,
    });
  }

  @Cron('0 30 2 * * *', { name: BACKUPS_DAILY, timeZone: 'UTC' })
  daily(): Promise<string | null> {
    return this.jobs.tick(BACKUPS_DAILY, this.clock.now());
  }
}
