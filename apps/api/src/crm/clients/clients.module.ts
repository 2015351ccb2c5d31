import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { ConsentBasisModule } from '../../consent/contacts/consent-basis.module.js';
import { IdentityModule } from '../../identity/identity.module.js';
import { CrmCoreModule } from '../crm-core.module.js';
import { ClientsController } from './clients.controller.js';
import { ClientsPersonalData } from './clients.personal-data.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';
import { ContactListsController } from './contact-lists.controller.js';
import { ContactListsRepository } from './contact-lists.repository.js';
import { ContactListsService } from './contact-lists.service.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsPersonalData } from './contacts.personal-data.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import { ContactsTransferService } from './contacts-transfer.service.js';

/** Clients and contacts, contact lists, CSV import and export. */
@Module({
  imports: [CrmCoreModule, IdentityModule, ConsentBasisModule],
  controllers: [ClientsController, ContactsController, ContactListsController],
  providers: [
    ClientsRepository,
    ClientsService,
    ClientsPersonalData,
    ContactsRepository,
    ContactsService,
    ContactsPersonalData,
    ContactListsRepository,
    ContactListsService,
    ContactsTransferService,
  ],
  exports: [ClientsService, ContactsService],
})
export class ClientsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly clientsPersonalData: ClientsPersonalData,
    private readonly contactsPersonalData: ContactsPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.clientsPersonalData);
    this.registry.register(this.contactsPersonalData);
  }
}
