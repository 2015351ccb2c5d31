import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { ClientsModule } from '../../crm/clients/clients.module.js';
import { IdentityModule } from '../../identity/identity.module.js';
import { OrganizationSetupService } from '../../identity/organization-setup.service.js';
import { MailModule } from '../../mail/mail.module.js';
import { RetentionRules } from '../../retention/retention-rules.service.js';
import { ConsentBasisModule } from './consent-basis.module.js';
import { ConsentLedgerRepository } from './consent-ledger.repository.js';
import { ConsentLinkRetention } from './consent-link-retention.js';
import { ConsentMails } from './consent-mails.js';
import { ConsentOptInController } from './consent-opt-in.controller.js';
import { ConsentOptInService } from './consent-opt-in.service.js';
import { ConsentPurposesController } from './consent-purposes.controller.js';
import { ConsentPurposesService } from './consent-purposes.service.js';
import { ConsentRatesService } from './consent-rates.service.js';
import { ContactConsentsController } from './contact-consents.controller.js';
import { ContactConsentsPersonalData } from './contact-consents.personal-data.js';
import { ContactConsentsService } from './contact-consents.service.js';

/** The consent ledger for contacts: purposes, append-only entries, double opt-in. */
@Module({
  imports: [ConsentBasisModule, ClientsModule, IdentityModule, MailModule],
  controllers: [ConsentPurposesController, ContactConsentsController, ConsentOptInController],
  providers: [
    ConsentLedgerRepository,
    ConsentPurposesService,
    ContactConsentsService,
    ConsentRatesService,
    ConsentOptInService,
    ConsentMails,
    ContactConsentsPersonalData,
    ConsentLinkRetention,
  ],
  exports: [ContactConsentsService, ConsentPurposesService],
})
export class ContactConsentsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: ContactConsentsPersonalData,
    private readonly setup: OrganizationSetupService,
    private readonly purposes: ConsentPurposesService,
    private readonly rules: RetentionRules,
    private readonly linkRetention: ConsentLinkRetention,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
    this.rules.register(this.linkRetention);
    this.setup.register('consent-purposes', (organizationId, tx) => this.purposes.seedDefaults(organizationId, tx));
  }
}
