import { Keyring1763700000000 } from './1763700000000-keyring.js';
import { Identity1795296964836 } from './1795296964836-identity.js';
import { Sessions1795297311622 } from './1795297311622-sessions.js';
import { SignInAttempts1795298156935 } from './1795298156935-sign-in-attempts.js';
import { UserMfa1795298697232 } from './1795298697232-user-mfa.js';
import { OneTimeTokens1795299992946 } from './1795299992946-one-time-tokens.js';
import { ApiKeys1795300794224 } from './1795300794224-api-keys.js';
import { InvitationsAndEmailChange1795302931329 } from './1795302931329-invitations-and-email-change.js';
import { CrmRecords1795303752896 } from './1795303752896-crm-records.js';
import { AuditTrail1795312012967 } from './1795312012967-audit-trail.js';
import { ForeignKeyIndexes1795322468601 } from './1795322468601-foreign-key-indexes.js';
import { AuditChainAtCommit1795330000000 } from './1795330000000-audit-chain-at-commit.js';
import { InvitationsPerOrganization1796227038038 } from './1796227038038-invitations-per-organization.js';
import { Erasures1796231152996 } from './1796231152996-erasures.js';
import { ContactConsentLedger1796237788221 } from './1796237788221-contact-consent-ledger.js';
import { CookieConsentAndUsageEvents1796246289343 } from './1796246289343-cookie-consent-and-usage-events.js';
import { PrivacyPolicies1796300000000 } from './1796300000000-privacy-policies.js';
import { PrivacyRequests1796636271893 } from './1796636271893-privacy-requests.js';
import { Webhooks1796636355036 } from './1796636355036-webhooks.js';
import { DataExports1796636384330 } from './1796636384330-data-exports.js';
import { PrivacyRequestCorrections1796700000000 } from './1796700000000-privacy-request-corrections.js';
import { UsageAnalytics1796800000000 } from './1796800000000-usage-analytics.js';
import { Subscriptions1796800100000 } from './1796800100000-subscriptions.js';
import { Retention1796800200000 } from './1796800200000-retention.js';
import { MailOutbox1796800300000 } from './1796800300000-mail-outbox.js';
import { RowLevelSecurity1796800500000 } from './1796800500000-row-level-security.js';
import { TenantKeys1796800600000 } from './1796800600000-tenant-keys.js';
import { IdempotencyKeys1796800700000 } from './1796800700000-idempotency-keys.js';
import { InvoiceEmails1796800800000 } from './1796800800000-invoice-emails.js';

/** In order. Generated with `npm run migration:generate`, read, committed, never edited. */
export const MIGRATIONS = [
  Keyring1763700000000,
  Identity1795296964836,
  Sessions1795297311622,
  SignInAttempts1795298156935,
  UserMfa1795298697232,
  OneTimeTokens1795299992946,
  ApiKeys1795300794224,
  InvitationsAndEmailChange1795302931329,
  CrmRecords1795303752896,
  AuditTrail1795312012967,
  ForeignKeyIndexes1795322468601,
  AuditChainAtCommit1795330000000,
  InvitationsPerOrganization1796227038038,
  Erasures1796231152996,
  ContactConsentLedger1796237788221,
  CookieConsentAndUsageEvents1796246289343,
  PrivacyPolicies1796300000000,
  PrivacyRequests1796636271893,
  Webhooks1796636355036,
  DataExports1796636384330,
  PrivacyRequestCorrections1796700000000,
  UsageAnalytics1796800000000,
  Subscriptions1796800100000,
  Retention1796800200000,
  MailOutbox1796800300000,
  RowLevelSecurity1796800500000,
  TenantKeys1796800600000,
  IdempotencyKeys1796800700000,
  InvoiceEmails1796800800000,
];
