import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PersonalDataRegistry } from '#personal-data';
import { KeyringModule } from '../keyring/keyring.module.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { MailModule } from '../mail/mail.module.js';
import { AccessTokenVerifier } from './access-token.verifier.js';
import { JWT_AUDIENCE, JWT_ISSUER } from './access-tokens.js';
import { AccountLinks } from './account-links.js';
import { AccountMails } from './account-mails.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { SessionCookies } from './auth-cookies.js';
import { IdentityService } from './identity.service.js';
import { IdentityRetention } from './identity-retention-rules.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { MfaController } from './mfa.controller.js';
import { MfaService } from './mfa.service.js';
import { OneTimeTokensRepository } from './one-time-tokens.repository.js';
import { OrganizationSetupService } from './organization-setup.service.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsService } from './organizations.service.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsPersonalData } from './sessions.personal-data.js';
import { SessionsRepository } from './sessions.repository.js';
import { SignInAttemptsRepository } from './sign-in-attempts.repository.js';
import { SignInLockout } from './sign-in-lockout.js';
import { SignUpController } from './sign-up.controller.js';
import { SignUpService } from './sign-up.service.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersController } from './users.controller.js';
import { UsersPersonalData } from './users.personal-data.js';
import { UsersRepository } from './users.repository.js';
import { UsersAdminService } from './users-admin.service.js';

@Module({
  imports: [
    KeyringModule,
    MailModule,
    DiscoveryModule,
    JwtModule.registerAsync({
      imports: [KeyringModule],
      inject: [KeyringService],
      useFactory: (keyring: KeyringService) => ({
        secret: keyring.deriveKey('access-token-signing'),
        signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  controllers: [
    ApiKeysController,
    AuthController,
    MfaController,
    OrganizationsController,
    PasswordResetController,
    SessionsController,
    SignUpController,
    ProfileController,
    UsersController,
    InvitationsController,
  ],
  providers: [
    OrganizationsRepository,
    UsersRepository,
    SessionsRepository,
    SignInAttemptsRepository,
    SignInLockout,
    UserProfileCipher,
    IdentityService,
    OrganizationSetupService,
    AuthService,
    ApiKeysRepository,
    ApiKeysService,
    MfaService,
    OneTimeTokensRepository,
    PasswordResetService,
    OrganizationsService,
    AccessTokenVerifier,
    UsersPersonalData,
    SessionsPersonalData,
    IdentityRetention,
    AccountLinks,
    AccountMails,
    SignUpService,
    ProfileService,
    UsersAdminService,
    InvitationsService,
    SessionCookies,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [IdentityService, OrganizationSetupService],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly usersPersonalData: UsersPersonalData,
    private readonly sessionsPersonalData: SessionsPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.usersPersonalData);
    this.registry.register(this.sessionsPersonalData);
  }
}
