import { Module } from '@nestjs/common';
import { BillingModule } from './billing/billing.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { CommunicationsModule } from './communications/communications.module.js';
import { JobsModule } from './jobs/jobs.module.js';

/** The CRM context: one module per area, sharing CrmCoreModule. */
@Module({
  imports: [ClientsModule, CommunicationsModule, JobsModule, BillingModule],
})
export class CrmModule {}
