import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { ContactConsentsModule } from '../consent/contacts/contact-consents.module.js';
import { PoliciesModule } from '../consent/policies/policies.module.js';
import { BillingModule } from '../crm/billing/billing.module.js';
import { ClientsModule } from '../crm/clients/clients.module.js';
import { CommunicationsModule } from '../crm/communications/communications.module.js';
import { JobsModule } from '../crm/jobs/jobs.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { DemoCrmSeedService } from './demo-crm-seed.service.js';
import { DemoPrivacySeedService } from './demo-privacy-seed.service.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [
    IdentityModule,
    ClientsModule,
    CommunicationsModule,
    JobsModule,
    BillingModule,
    PoliciesModule,
    ContactConsentsModule,
    AnalyticsModule,
  ],
  providers: [DemoSeedService, DemoCrmSeedService, DemoPrivacySeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
