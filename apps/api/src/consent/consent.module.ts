import { Module } from '@nestjs/common';
import { ContactConsentsModule } from './contacts/contact-consents.module.js';
import { CookieConsentModule } from './cookies/cookie-consent.module.js';
import { PoliciesModule } from './policies/policies.module.js';

/**
 * Consent and the living privacy policy (docs/architecture.md): policy versions rendered
 * from what the system enforces, cookie consent, and the purpose-consent ledger for contacts.
 */
@Module({ imports: [PoliciesModule, CookieConsentModule, ContactConsentsModule] })
export class ConsentModule {}
