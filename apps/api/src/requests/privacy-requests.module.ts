import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { AppSettings } from '../config/settings.module.js';
import { ContactConsentsModule } from '../consent/contacts/contact-consents.module.js';
import { ClientsModule } from '../crm/clients/clients.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { KeyringModule } from '../keyring/keyring.module.js';
import { MailModule } from '../mail/mail.module.js';
import { RetentionRules } from '../retention/retention-rules.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { MyPrivacyRequestsController } from './my-privacy-requests.controller.js';
import { MyPrivacyRequestsService } from './my-privacy-requests.service.js';
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import { PrivacyRequestAccountErasure } from './privacy-request-account-erasure.js';
import { PrivacyRequestActionsService } from './privacy-request-actions.service.js';
import { PrivacyRequestDeskService } from './privacy-request-desk.service.js';
import { PrivacyRequestFulfilmentService } from './privacy-request-fulfilment.service.js';
import { PrivacyRequestIntakeService } from './privacy-request-intake.service.js';
import { PrivacyRequestMails } from './privacy-request-mails.js';
import { PrivacyRequestMatchingService } from './privacy-request-matching.service.js';
import { PrivacyRequestRectificationService } from './privacy-request-rectification.service.js';
import { PrivacyRequestsController } from './privacy-requests.controller.js';
import { PrivacyRequestsPersonalData } from './privacy-requests.personal-data.js';
import { PrivacyRequestsRepository } from './privacy-requests.repository.js';
import { CLOSED_STATUSES } from './privacy-requests.types.js';
import { PublicPrivacyRequestsController } from './public-privacy-requests.controller.js';

/** Data-subject requests: intake (public form, privacy center, logged), verification, the desk, fulfilment. */
@Module({
  imports: [IdentityModule, KeyringModule, ClientsModule, ContactConsentsModule, MailModule, WebhooksModule],
  controllers: [PublicPrivacyRequestsController, MyPrivacyRequestsController, PrivacyRequestsController],
  providers: [
    PrivacyRequestsRepository,
    PrivacyRequestCipher,
    PrivacyRequestMails,
    PrivacyRequestIntakeService,
    MyPrivacyRequestsService,
    PrivacyRequestDeskService,
    PrivacyRequestActionsService,
    PrivacyRequestMatchingService,
    PrivacyRequestRectificationService,
    PrivacyRequestAccountErasure,
    PrivacyRequestFulfilmentService,
    PrivacyRequestsPersonalData,
  ],
  exports: [PrivacyRequestIntakeService, PrivacyRequestDeskService],
})
export class PrivacyRequestsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: PrivacyRequestsPersonalData,
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
    this.rules.registerHoldTarget({
      kind: 'privacy-request',
      scope: 'record',
      table: 'privacy_requests',
      subjects: { user: 'requester_user_id' },
    });
    this.rules.registerTable({
      key: 'privacy-requests',
      title: 'Answered data-subject requests (kept as proof of the answer)',
      category: this.personalData.category,
      table: 'privacy_requests',
      setting: 'retention.privacyRequestDays',
      unit: 'days',
      from: 'after the request was closed',
      settingValue: () => this.settings.retention.privacyRequestDays,
      adjustable: { min: 365, max: 3650 },
      startsAt: 't.closed_at',
      where: `t.status IN (${CLOSED_STATUSES.map((status) => `'${status}'`).join(', ')})`,
      held: [{ kind: 'privacy-request', column: 'id' }],
      cascades: ['privacy_request_events'],
    });
    // Unverified public requests: nothing was done for them; what the form stored goes.
    this.rules.registerTable({
      key: 'unverified-privacy-requests',
      title: 'Public requests never verified by their emailed link',
      category: this.personalData.category,
      table: 'privacy_requests',
      setting: 'privacy.unverifiedRequestHours',
      unit: 'hours',
      from: 'after they were filed',
      hourly: true,
      settingValue: () => this.settings.privacy.unverifiedRequestHours,
      startsAt: 't.created_at',
      where: "t.status = 'unverified'",
      held: [{ kind: 'privacy-request', column: 'id' }],
      cascades: ['privacy_request_events'],
    });
  }
}
