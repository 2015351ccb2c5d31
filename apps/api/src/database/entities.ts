import { UsageDailyEntity } from '../analytics/entities/usage-daily.entity.js';
import { UsageEventEntity } from '../analytics/entities/usage-event.entity.js';
import { UsageRollupEntity } from '../analytics/entities/usage-rollup.entity.js';
import { UsageSaltEntity } from '../analytics/entities/usage-salt.entity.js';
import { AuditChainHeadEntity, AuditCheckpointEntity, AuditEntryEntity } from '../audit/entities/audit-entry.entity.js';
import { IdempotencyKeyEntity } from '../common/idempotency/entities/idempotency-key.entity.js';
import { ConsentConfirmationEntity } from '../consent/contacts/entities/consent-confirmation.entity.js';
import {
  ConsentPurposeEntity,
  ConsentPurposeWordingEntity,
} from '../consent/contacts/entities/consent-purpose.entity.js';
import { ContactConsentEntryEntity } from '../consent/contacts/entities/contact-consent-entry.entity.js';
import { CookieConsentEntity } from '../consent/cookies/entities/cookie-consent.entity.js';
import { PolicyAcceptanceEntity } from '../consent/policies/entities/policy-acceptance.entity.js';
import { PolicyVersionEntity } from '../consent/policies/entities/policy-version.entity.js';
import { PrivacyContactEntity } from '../consent/policies/entities/privacy-contact.entity.js';
import { SubProcessorEntity } from '../consent/policies/entities/sub-processor.entity.js';
import { ActivityEntity, CounterEntity } from '../crm/entities/activity.entity.js';
import { ClientEntity } from '../crm/entities/client.entity.js';
import { CommunicationEntity } from '../crm/entities/communication.entity.js';
import { ContactEntity } from '../crm/entities/contact.entity.js';
import { ContactListEntity, ContactListMemberEntity } from '../crm/entities/contact-list.entity.js';
import { InvoiceEntity, PaymentEntity } from '../crm/entities/invoice.entity.js';
import { JobEntity } from '../crm/entities/job.entity.js';
import { ScheduleEntryEntity } from '../crm/entities/schedule-entry.entity.js';
import { TaxPolicyEntity } from '../crm/entities/tax-policy.entity.js';
import { ApiKeyEntity } from '../identity/entities/api-key.entity.js';
import { BranchEntity } from '../identity/entities/branch.entity.js';
import { OneTimeTokenEntity } from '../identity/entities/one-time-token.entity.js';
import { OrganizationEntity } from '../identity/entities/organization.entity.js';
import { SessionEntity } from '../identity/entities/session.entity.js';
import { SignInAttemptEntity } from '../identity/entities/sign-in-attempt.entity.js';
import { UserEntity } from '../identity/entities/user.entity.js';
import { SubjectKeyEntity } from '../keyring/entities/subject-key.entity.js';
import { MailOutboxEntity } from '../mail/entities/mail-outbox.entity.js';
import { ErasureEntity, ErasureReceiptEntity } from '../personal-data/entities/erasure.entity.js';
import { DataExportEntity } from '../personal-data/exports/entities/data-export.entity.js';
import { PrivacyRequestEntity } from '../requests/entities/privacy-request.entity.js';
import { PrivacyRequestEventEntity } from '../requests/entities/privacy-request-event.entity.js';
import { LegalHoldEntity } from '../retention/entities/legal-hold.entity.js';
import { RetentionOverrideEntity } from '../retention/entities/retention-override.entity.js';
import { RetentionReceiptEntity } from '../retention/entities/retention-receipt.entity.js';
import { RetentionRunEntity } from '../retention/entities/retention-run.entity.js';
import { OrganizationPurgeEntity } from '../subscriptions/entities/organization-purge.entity.js';
import { SubscriptionReminderEntity } from '../subscriptions/entities/subscription-reminder.entity.js';
import { WebhookAttemptEntity } from '../webhooks/entities/webhook-attempt.entity.js';
import { WebhookDeliveryEntity } from '../webhooks/entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from '../webhooks/entities/webhook-endpoint.entity.js';
import { WebhookMessageEntity } from '../webhooks/entities/webhook-message.entity.js';

/** Every TypeORM entity, in one list the data source, the migrations check and tests share. */
export const ENTITIES = [
  SubjectKeyEntity,
  ErasureEntity,
  ErasureReceiptEntity,
  OrganizationEntity,
  BranchEntity,
  UserEntity,
  SessionEntity,
  SignInAttemptEntity,
  OneTimeTokenEntity,
  ApiKeyEntity,
  ClientEntity,
  ContactEntity,
  ContactListEntity,
  ContactListMemberEntity,
  CommunicationEntity,
  JobEntity,
  ScheduleEntryEntity,
  TaxPolicyEntity,
  InvoiceEntity,
  PaymentEntity,
  ActivityEntity,
  CounterEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
  AuditCheckpointEntity,
  PolicyVersionEntity,
  PolicyAcceptanceEntity,
  SubProcessorEntity,
  PrivacyContactEntity,
  CookieConsentEntity,
  UsageEventEntity,
  UsageSaltEntity,
  UsageDailyEntity,
  UsageRollupEntity,
  ConsentPurposeEntity,
  ConsentPurposeWordingEntity,
  ContactConsentEntryEntity,
  ConsentConfirmationEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  LegalHoldEntity,
  RetentionRunEntity,
  RetentionReceiptEntity,
  RetentionOverrideEntity,
  MailOutboxEntity,
  DataExportEntity,
  PrivacyRequestEntity,
  PrivacyRequestEventEntity,
  SubscriptionReminderEntity,
  OrganizationPurgeEntity,
  IdempotencyKeyEntity,
];
