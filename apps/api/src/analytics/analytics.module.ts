import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { CookieConsentModule } from '../consent/cookies/cookie-consent.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { AnalyticsService } from './analytics.service.js';
import { UsageDailyPersonalData } from './usage-daily.personal-data.js';
import { UsageDailyRepository } from './usage-daily.repository.js';
import { UsageDemoSeed } from './usage-demo.service.js';
import { UsageEventsPersonalData } from './usage-events.personal-data.js';
import { UsageReportService } from './usage-report.service.js';
import { UsageRollupJob } from './usage-rollup.job.js';
import { UsageSessions } from './usage-sessions.js';

/**
 * Anonymized usage analytics, gated on the analytics cookie consent (docs/cookies.md): raw
 * events with a daily session hash, rolled up nightly into daily counts for the usage dashboard.
 */
@Module({
  imports: [CookieConsentModule],
  controllers: [AnalyticsController],
  providers: [
    AnalyticsRepository,
    AnalyticsService,
    UsageSessions,
    UsageDailyRepository,
    UsageReportService,
    UsageRollupJob,
    UsageEventsPersonalData,
    UsageDailyPersonalData,
    UsageDemoSeed,
  ],
  exports: [UsageDemoSeed],
})
export class AnalyticsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly events: UsageEventsPersonalData,
    private readonly daily: UsageDailyPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.events);
    this.registry.register(this.daily);
  }
}
