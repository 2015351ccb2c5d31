import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { USER_ACCOUNT, UserEntity } from './user.entity.js';

export const TOKEN_PURPOSES = ['password-reset', 'email-verification', 'email-change', 'invitation'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A link sent by email: single use, expiring, stored only as a hash. */
@Entity('one_time_tokens')
@ForeignKey(() => UserEntity, ['organizationId', 'userId'], ['organizationId', 'id'], {
  name: 'FK_one_time_tokens_user',
  onDelete: 'CASCADE',
})
@Index('IDX_one_time_tokens_user', ['organizationId', 'userId'])
// A link is redeemed by its token before the tenant is known: a plain index serves that lookup.
@Index('UQ_one_time_tokens_organization_token', ['organizationId', 'tokenHash'], { unique: true })
@Index('IDX_one_time_tokens_token_hash', ['tokenHash'])
export class OneTimeTokenEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('owner of the token; the row goes with the user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @NotPersonal('what the link does')
  @Column({ type: 'varchar', length: 30 })
  purpose: TokenPurpose;

  @NotPersonal('SHA-256 of a random token; the token itself is only in the email')
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** What the link carries, sealed under the user's key: the new address of an email change. */
  @PersonalField(USER_ACCOUNT, { encrypted: true })
  @Column({ name: 'payload_enc', type: 'bytea', nullable: true })
  payloadEnc: Buffer | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
