import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { UserEntity } from './user.entity.js';

export const USER_SESSIONS = 'identity.sessions';

/**
 * One refresh token of a signed-in device. Rotation creates a new row in the same
 * family; presenting a rotated token again means it was stolen, and revokes the family.
 */
@Entity('sessions')
@ForeignKey(() => UserEntity, ['organizationId', 'userId'], ['organizationId', 'id'], {
  name: 'FK_sessions_user',
  onDelete: 'CASCADE',
})
@Index('IDX_sessions_user', ['organizationId', 'userId'])
// Refreshing finds a session by its token before the tenant is known: a plain index serves
// that lookup; uniqueness holds per organization (docs/operations.md, Citus).
@Index('UQ_sessions_organization_token', ['organizationId', 'tokenHash'], { unique: true })
@Index('IDX_sessions_token_hash', ['tokenHash'])
@Index('IDX_sessions_family', ['familyId'])
export class SessionEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('owner of the session; the row goes with the user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @NotPersonal('groups the rotations of one sign-in')
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @NotPersonal('SHA-256 of a random refresh token; the token itself is never stored')
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @NotPersonal('"keep me signed in" choice')
  @Column({ type: 'boolean' })
  persistent: boolean;

  @NotPersonal('technical timestamp')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @PersonalField(USER_SESSIONS)
  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @PersonalField(USER_SESSIONS)
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @PersonalField(USER_SESSIONS)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @PersonalField(USER_SESSIONS)
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;
}
