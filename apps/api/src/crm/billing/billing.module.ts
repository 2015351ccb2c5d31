import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { MailModule } from '../../mail/mail.module.js';
import { CrmCoreModule } from '../crm-core.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { BillToCipher } from './bill-to-cipher.js';
import { BilledRecordsRepository } from './billed-records.repository.js';
import { ClientBalanceController } from './client-balance.controller.js';
import { ClientBalanceService } from './client-balance.service.js';
import { InvoiceAccess } from './invoice-access.js';
import { InvoiceDocuments } from './invoice-documents.service.js';
import { InvoicePaymentsService } from './invoice-payments.service.js';
import { InvoicePricing } from './invoice-pricing.service.js';
import { InvoiceViews } from './invoice-views.js';
import { InvoicesController } from './invoices.controller.js';
import { InvoicesPersonalData } from './invoices.personal-data.js';
import { InvoicesRepository } from './invoices.repository.js';
import { InvoicesService } from './invoices.service.js';
import { TaxPoliciesController } from './tax-policies.controller.js';
import { TaxPoliciesRepository } from './tax-policies.repository.js';
import { TaxPoliciesService } from './tax-policies.service.js';

/** Tax policies, invoices and payments. */
@Module({
  imports: [CrmCoreModule, JobsModule, MailModule],
  controllers: [TaxPoliciesController, InvoicesController, ClientBalanceController],
  providers: [
    TaxPoliciesRepository,
    TaxPoliciesService,
    InvoicesRepository,
    BilledRecordsRepository,
    BillToCipher,
    InvoiceViews,
    InvoicePricing,
    InvoicesService,
    InvoicePaymentsService,
    InvoiceAccess,
    InvoiceDocuments,
    ClientBalanceService,
    InvoicesPersonalData,
  ],
  exports: [TaxPoliciesService, InvoicesService, InvoicePaymentsService],
})
export class BillingModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly invoicesPersonalData: InvoicesPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.invoicesPersonalData);
  }
}
