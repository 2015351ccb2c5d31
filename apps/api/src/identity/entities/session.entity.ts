import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { UserEntity } from './user.entity.js';

export const USER_SESSIONS = 'identity.sessions';

/**
 * One refresh token of a signed-in device. Rotation creates a new row in the same
 * family; presenting a rotated token again means it was stolen, and revokes the family.
 */
@Entity('sessions')
@Index('IDX_sessions_user', ['userId'])
@Index('IDX_sessions_family', ['familyId'])
export class SessionEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('owner of the session; the row goes with the user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @NotPersonal('groups the rotations of one sign-in')
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @NotPersonal('SHA-256 of a random refresh token; the token itself is never stored')
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
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
