import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { ClientsModule } from '../clients/clients.module.js';
import { CrmCoreModule } from '../crm-core.module.js';
import { CommunicationsController } from './communications.controller.js';
import { CommunicationsPersonalData } from './communications.personal-data.js';
import { CommunicationsRepository } from './communications.repository.js';
import { CommunicationsService } from './communications.service.js';

/** Communication history and the timeline of a client or contact. */
@Module({
  imports: [CrmCoreModule, ClientsModule],
  controllers: [CommunicationsController],
  providers: [CommunicationsRepository, CommunicationsService, CommunicationsPersonalData],
  exports: [CommunicationsService],
})
export class CommunicationsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: CommunicationsPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
  }
}
