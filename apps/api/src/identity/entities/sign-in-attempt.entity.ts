import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { USER_SESSIONS } from './session.entity.js';

/**
 * Failed sign-ins per email and per client IP, for back-off and lockout. Keys are keyed
 * hashes (`email:<blind index>`, `ip:<blind index>`), never the email or address itself,
 * and unknown emails are counted like known ones so a lockout reveals nothing.
 */
@Entity('sign_in_attempts')
export class SignInAttemptEntity {
  @PersonalField(USER_SESSIONS)
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @NotPersonal('counter')
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @NotPersonal('technical timestamp')
  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
