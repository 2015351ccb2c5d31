import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditCoreModule } from './audit/audit-core.module.js';
import { BackupsModule } from './backups/backups.module.js';
import type { Clock } from './common/clock.js';
import { ClockModule } from './common/clock.module.js';
import { IdempotencyModule } from './common/idempotency/idempotency.module.js';
import { LocationInterceptor } from './common/location.interceptor.js';
import { loggerParams } from './common/logging.js';
import { ProblemFilter } from './common/problem.filter.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { createValidationPipe } from './common/validation.js';
import type { RawEnvironment } from './config/settings.js';
import { AppSettings, SettingsModule } from './config/settings.module.js';
import { ConsentModule } from './consent/consent.module.js';
import { CrmModule } from './crm/crm.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { KeyringModule } from './keyring/keyring.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { PrivacyRequestsModule } from './requests/privacy-requests.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

export interface AppModuleOptions {
  /** Replaces process.env and .env (tests, the embedded launcher). */
  env?: RawEnvironment;
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  /** Replaces the wall clock (tests move time instead of sleeping). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.forRoot(options.env),
        ClockModule.forRoot(options.clock),
        // Ticks only: each @Cron enqueues its job once per tick (JobsService.tick).
        ScheduleModule.forRoot(),
        LoggerModule.forRootAsync({
          inject: [AppSettings],
          useFactory: (settings: AppSettings) => loggerParams(settings, options.logStream),
        }),
        DatabaseModule,
        RateLimitModule,
        IdempotencyModule,
        JobsModule,
        PersonalDataModule,
        RetentionModule,
        KeyringModule,
        AuditCoreModule,
        HealthModule,
        IdentityModule,
        CrmModule,
        AuditModule,
        ConsentModule,
        AnalyticsModule,
        PrivacyRequestsModule,
        DemoModule,
        WebhooksModule,
        SubscriptionsModule,
        BackupsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: LocationInterceptor },
      ],
    };
  }
}
