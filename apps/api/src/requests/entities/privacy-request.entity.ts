import { Column, Entity, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import {
  type CorrectionState,
  type Fulfilment,
  type MatchedSubject,
  PRIVACY_REQUESTS,
  type RequestChannel,
  type RequestStatus,
  type RequestType,
} from '../privacy-requests.types.js';

/**
 * A data-subject request and its current state; how it got there is in
 * `privacy_request_events`. Requester details and free text are sealed under the request's
 * own key (`privacy_request:<id>`); the email is found by its blind index.
 */
@Entity('privacy_requests')
@Index('IDX_privacy_requests_desk', ['organizationId', 'status', 'dueAt'])
@Index('IDX_privacy_requests_created', ['organizationId', 'createdAt', 'id'])
@Index('IDX_privacy_requests_assignee', ['organizationId', 'assigneeId'])
@Index('IDX_privacy_requests_email', ['organizationId', 'requesterEmailIndex'])
@Index('IDX_privacy_requests_user', ['organizationId', 'requesterUserId'])
@Index('IDX_privacy_requests_unverified', ['status', 'createdAt'])
// A requester verifies by a token before the tenant is known: a plain index serves that lookup.
@Index('UQ_privacy_requests_organization_verification', ['organizationId', 'verificationTokenHash'], { unique: true })
@Index('IDX_privacy_requests_verification_token_hash', ['verificationTokenHash'])
export class PrivacyRequestEntity extends TenantOwnedEntity {
  @NotPersonal('the right exercised')
  @Column({ type: 'varchar', length: 24 })
  type: RequestType;

  @NotPersonal('workflow state')
  @Column({ type: 'varchar', length: 24 })
  status: RequestStatus;

  @NotPersonal('how the request arrived')
  @Column({ type: 'varchar', length: 24 })
  channel: RequestChannel;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'requester_email_enc', type: 'bytea', nullable: true })
  requesterEmailEnc: Buffer | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'requester_email_index', type: 'varchar', length: 64, nullable: true })
  requesterEmailIndex: string | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'requester_name_enc', type: 'bytea', nullable: true })
  requesterNameEnc: Buffer | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'message_enc', type: 'bytea', nullable: true })
  messageEnc: Buffer | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'identity_check_enc', type: 'bytea', nullable: true })
  identityCheckEnc: Buffer | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'extension_reason_enc', type: 'bytea', nullable: true })
  extensionReasonEnc: Buffer | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'rejection_reason_enc', type: 'bytea', nullable: true })
  rejectionReasonEnc: Buffer | null;

  @NotPersonal('the signed-in user who filed it from the privacy center (no foreign key: identity owns users)')
  @Column({ name: 'requester_user_id', type: 'uuid', nullable: true })
  requesterUserId: string | null;

  @PersonalField(PRIVACY_REQUESTS)
  @Column({ name: 'corrections_enc', type: 'bytea', nullable: true })
  correctionsEnc: Buffer | null;

  @NotPersonal('field names of a rectification and the officer decision on each; the values are sealed')
  @Column({ type: 'jsonb', default: () => "'[]'" })
  corrections: CorrectionState[];

  @NotPersonal('the privacy officer handling it')
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @NotPersonal('ids of the users and contacts the officer confirmed as the requester')
  @Column({ type: 'jsonb', default: () => "'[]'" })
  subjects: MatchedSubject[];

  @NotPersonal('SHA-256 of the emailed verification token; the token itself is only in the email')
  @Column({ name: 'verification_token_hash', type: 'varchar', length: 64, nullable: true })
  verificationTokenHash: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'verification_expires_at', type: 'timestamptz', nullable: true })
  verificationExpiresAt: Date | null;

  @NotPersonal('when the request counts as received (verified): the deadline runs from here')
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @NotPersonal('the deadline')
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @NotPersonal('when the one extension was granted')
  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true })
  extendedAt: Date | null;

  @NotPersonal('completed, rejected or cancelled at')
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @NotPersonal('what fulfilment did or still waits for')
  @Column({ type: 'varchar', length: 24, nullable: true })
  fulfilment: Fulfilment | null;
}
