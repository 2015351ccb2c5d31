import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { IdentityModule } from '../identity/identity.module.js';
import { KeyringModule } from '../keyring/keyring.module.js';
import { ActivityPersonalData } from './activity.personal-data.js';
import { ActivityRepository } from './activity.repository.js';
import { ActivityService } from './activity.service.js';
import { CrmRetention } from './crm-retention-rules.js';
import { RecordCipher } from './record-cipher.js';
import { StaffDirectory } from './staff-directory.js';

/** What every part of the CRM shares: field encryption and search, the activity log, the staff directory. */
@Module({
  imports: [KeyringModule, IdentityModule],
  providers: [RecordCipher, ActivityRepository, ActivityService, StaffDirectory, ActivityPersonalData, CrmRetention],
  exports: [RecordCipher, ActivityService, StaffDirectory],
})
export class CrmCoreModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly activityPersonalData: ActivityPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.activityPersonalData);
  }
}
