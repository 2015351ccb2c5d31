import { AuditChainHeadEntity, AuditCheckpointEntity, AuditEntryEntity } from '../audit/entities/audit-entry.entity.js';
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
import { ErasureEntity, ErasureReceiptEntity } from '../personal-data/entities/erasure.entity.js';

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
];
