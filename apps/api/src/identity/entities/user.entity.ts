import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import { ROLES, type Role, USER_STATES, type UserState } from '../identity.types.js';
import { OrganizationEntity } from './organization.entity.js';

/** The personal-data category of a user account (see users.personal-data.ts). */
export const USER_ACCOUNT = 'identity.account';

/**
 * A member of staff of a customer organization. The profile fields the policies name
 * are sealed under the user's own data key (KeyRing, subject `user:<id>`); the email is
 * found through its blind index only.
 */
@Entity('users')
// Deleting an organization (retention purge) deletes its rows.
@ForeignKey(() => OrganizationEntity, ['organizationId'], ['id'], {
  name: 'FK_21a659804ed7bf61eb91688dea7',
  onDelete: 'CASCADE',
})
@Index('IDX_users_organization', ['organizationId'])
// One account per address across the platform (sign-in is by email alone), but an
// invitation is only a row of the inviting organization: it must not collide with, and so
// reveal, an account elsewhere. It cannot be accepted while that account exists.
@Index('UQ_users_account_email', ['emailIndex'], { unique: true, where: `"state" <> 'invited'` })
@Index('UQ_users_organization_email', ['organizationId', 'emailIndex'], { unique: true })
export class UserEntity extends TenantOwnedEntity {
  @NotPersonal('role within the organization')
  @Column({ type: 'enum', enum: ROLES })
  role: Role;

  @NotPersonal('branches a manager or agent works in')
  @Column({ name: 'branch_ids', type: 'uuid', array: true, default: () => "'{}'" })
  branchIds: string[];

  @NotPersonal('account state')
  @Column({ type: 'enum', enum: USER_STATES, default: 'active' })
  state: UserState;

  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'email_index', type: 'varchar', length: 64 })
  emailIndex: string;

  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'email_enc', type: 'bytea' })
  emailEnc: Buffer;

  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'full_name_enc', type: 'bytea' })
  fullNameEnc: Buffer;

  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'phone_enc', type: 'bytea', nullable: true })
  phoneEnc: Buffer | null;

  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'job_title_enc', type: 'bytea', nullable: true })
  jobTitleEnc: Buffer | null;

  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'company_enc', type: 'bytea', nullable: true })
  companyEnc: Buffer | null;

  /** Language, theme, time zone: the "profile preferences" of the policy. */
  @PersonalField(USER_ACCOUNT)
  @Column({ type: 'jsonb', default: () => "'{}'" })
  preferences: Record<string, string>;

  /** When the user confirmed the minimum age; the date of birth itself is never stored. */
  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'age_confirmed_at', type: 'timestamptz', nullable: true })
  ageConfirmedAt: Date | null;

  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  /** TOTP secret, sealed like the profile; present but not enabled while enrolment is pending. */
  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'mfa_secret_enc', type: 'bytea', nullable: true })
  mfaSecretEnc: Buffer | null;

  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'mfa_enabled_at', type: 'timestamptz', nullable: true })
  mfaEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code cannot be used twice. */
  @NotPersonal('replay guard counter')
  @Column({ name: 'mfa_last_time_step', type: 'bigint', nullable: true })
  mfaLastTimeStep: string | null;

  /** SHA-256 of the unused single-use recovery codes. */
  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'mfa_recovery_hashes', type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  mfaRecoveryHashes: string[];

  /** Set while the user has asked to restrict processing (GDPR Art. 18). */
  @PersonalField(USER_ACCOUNT)
  @Column({ name: 'restricted_at', type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;
}
