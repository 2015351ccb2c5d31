import { Module } from '@nestjs/common';
import { BillingModule } from '../crm/billing/billing.module.js';
import { ClientsModule } from '../crm/clients/clients.module.js';
import { CommunicationsModule } from '../crm/communications/communications.module.js';
import { JobsModule } from '../crm/jobs/jobs.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { DemoCrmSeedService } from './demo-crm-seed.service.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [IdentityModule, ClientsModule, CommunicationsModule, JobsModule, BillingModule],
  providers: [DemoSeedService, DemoCrmSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
