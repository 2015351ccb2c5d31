import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { KeyringModule } from '../keyring/keyring.module.js';
import { MailModule } from '../mail/mail.module.js';
import { OperatorSubscriptionsController } from './operator-subscriptions.controller.js';
import { LegalOrganizationHolds, ORGANIZATION_HOLDS } from './organization-holds.js';
import { OrganizationPurgeJob } from './organization-purge.job.js';
import { OrganizationPurgeRepository } from './organization-purge.repository.js';
import { OrganizationPurger } from './organization-purger.js';
import { SubscriptionController } from './subscription.controller.js';
import { SubscriptionMails } from './subscription-mails.js';
import { SubscriptionRemindersJob } from './subscription-reminders.job.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * Subscriptions and the purge of ended organizations, which waits while any legal hold is
 * active in the organization (ORGANIZATION_HOLDS, answered by the legal-holds context).
 */
@Module({
  imports: [IdentityModule, KeyringModule, MailModule],
  controllers: [SubscriptionController, OperatorSubscriptionsController],
  providers: [
    SubscriptionsRepository,
    OrganizationPurgeRepository,
    SubscriptionsService,
    SubscriptionMails,
    SubscriptionRemindersJob,
    OrganizationPurger,
    OrganizationPurgeJob,
    { provide: ORGANIZATION_HOLDS, useClass: LegalOrganizationHolds },
  ],
  exports: [SubscriptionsService],
})
export class SubscriptionsModule {}
