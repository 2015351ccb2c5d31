import { Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PersonalDataRegistry } from '#personal-data';
import { IdentityModule } from '../../identity/identity.module.js';
import { CookiePolicyRevision } from './cookie-policy-revision.js';
import { PoliciesRepository } from './policies.repository.js';
import { PoliciesService } from './policies.service.js';
import { PoliciesAdminController } from './policies-admin.controller.js';
import { PoliciesPublicController } from './policies-public.controller.js';
import { PolicyAcceptanceController } from './policy-acceptance.controller.js';
import { PolicyAcceptanceGuard } from './policy-acceptance.guard.js';
import { PolicyAcceptanceService } from './policy-acceptance.service.js';
import { PolicyAcceptancesPersonalData } from './policy-acceptances.personal-data.js';
import { PolicyDocuments } from './policy-documents.service.js';
import { PolicyFactsService } from './policy-facts.js';
import { PrivacyProfileController } from './privacy-profile.controller.js';
import { PrivacyProfileService } from './privacy-profile.service.js';
import { PublishedCookieRevision } from './published-cookie-revision.js';

/** The platform privacy policy and each organization's privacy notice: versions, facts, acceptance. */
@Module({
  imports: [IdentityModule],
  controllers: [
    PoliciesPublicController,
    PoliciesAdminController,
    PrivacyProfileController,
    PolicyAcceptanceController,
  ],
  providers: [
    PoliciesRepository,
    PolicyFactsService,
    PolicyDocuments,
    PoliciesService,
    PrivacyProfileService,
    PolicyAcceptanceService,
    PolicyAcceptancesPersonalData,
    // After the access guard (IdentityModule registers it first): needs the caller it sets.
    { provide: APP_GUARD, useClass: PolicyAcceptanceGuard },
    { provide: CookiePolicyRevision, useClass: PublishedCookieRevision },
  ],
  exports: [CookiePolicyRevision, PoliciesService, PolicyDocuments, PrivacyProfileService],
})
export class PoliciesModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly acceptances: PolicyAcceptancesPersonalData,
    private readonly policies: PoliciesService,
    private readonly documents: PolicyDocuments,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.acceptances);
  }

  /**
   * A changed setting (a retention period, the response time) changes the platform policy's
   * facts: at start-up they are compared with the published version's and, if they differ,
   * put into a draft whose diff shows the sentences that changed.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.policies.reconcile(this.documents.platform());
  }
}
