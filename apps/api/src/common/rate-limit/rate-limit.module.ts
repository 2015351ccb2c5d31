import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppSettings } from '../../config/settings.module.js';
import { Clock } from '../clock.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from './rate-limit.store.js';

/**
 * Hand-written rather than @nestjs/throttler: its v6 ships only CommonJS, which Jest on
 * Node 20 cannot load beside the ESM NestJS 12 packages it requires.
 */
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [AppSettings, Clock],
      useFactory: (settings: AppSettings, clock: Clock) =>
        settings.rateLimit.redisUrl
          ? new RedisRateLimitStore(settings.rateLimit.redisUrl)
          : new MemoryRateLimitStore(clock),
    },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(private readonly store: RateLimitStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
