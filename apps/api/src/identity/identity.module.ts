import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { KeyringModule } from '../keyring/keyring.module.js';
import { IdentityService } from './identity.service.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersPersonalData } from './users.personal-data.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [KeyringModule],
  providers: [OrganizationsRepository, UsersRepository, UserProfileCipher, IdentityService, UsersPersonalData],
  exports: [IdentityService],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly usersPersonalData: UsersPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.usersPersonalData);
  }
}
