import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { AppSettings } from '../../config/settings.module.js';
import { RetentionRules } from '../../retention/retention-rules.service.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { CookieConsentController } from './cookie-consent.controller.js';
import { CookieConsentPersonalData } from './cookie-consent.personal-data.js';
import { CookieConsentRepository } from './cookie-consent.repository.js';
import { CookieConsentService } from './cookie-consent.service.js';
import { MyCookieConsentController } from './my-cookie-consent.controller.js';

/** Cookie and tracking consent: the categories, and every choice logged as proof. */
@Module({
  imports: [PoliciesModule],
  controllers: [CookieConsentController, MyCookieConsentController],
  providers: [CookieConsentRepository, CookieConsentService, CookieConsentPersonalData],
  exports: [CookieConsentService],
})
export class CookieConsentModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: CookieConsentPersonalData,
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
    this.rules.registerTable({
      key: 'cookie-choices',
      title: 'Logged cookie choices (proof of consent)',
      category: this.personalData.category,
      table: 'cookie_consents',
      setting: 'retention.cookieConsentProofDays',
      unit: 'days',
      from: 'after the choice was made',
      settingValue: () => this.settings.retention.cookieConsentProofDays,
      adjustable: { min: 182, max: 3650 },
      startsAt: 't.recorded_at',
      held: [{ kind: 'user', column: 'user_id' }],
    });
  }
}
