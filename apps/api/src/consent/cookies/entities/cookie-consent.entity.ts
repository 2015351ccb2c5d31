import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';

export const COOKIE_CONSENT_LOG = 'consent.cookie-choices';

/**
 * One cookie choice as made, appended and never changed: the proof that consent was given
 * (or refused), to which revision of the cookie policy, when and from roughly where.
 * Visitors' entries are keyed only by the random consent id their browser holds; a
 * signed-in user's entries also name the user and organization, so the choice follows them.
 */
@Entity('cookie_consents')
@Index('IDX_cookie_consents_consent', ['consentId', 'seq'])
@Index('IDX_cookie_consents_user', ['userId', 'seq'])
@Index('IDX_cookie_consents_recorded', ['recordedAt'])
export class CookieConsentEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Order of logging: two choices can share a millisecond, and the later one must win. */
  @NotPersonal('logging order')
  @Generated('increment')
  @Column({ type: 'bigint' })
  seq: string;

  @PersonalField(COOKIE_CONSENT_LOG)
  @Column({ name: 'consent_id', type: 'uuid' })
  consentId: string;

  @PersonalField(COOKIE_CONSENT_LOG)
  @Column({ type: 'varchar', length: 32, array: true })
  categories: string[];

  @NotPersonal('revision number of the cookie policy shown, the same for everyone')
  @Column({ type: 'integer' })
  revision: number;

  @PersonalField(COOKIE_CONSENT_LOG)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** The network, never the address: IPv4 to /24, IPv6 to /48. */
  @PersonalField(COOKIE_CONSENT_LOG)
  @Column({ name: 'ip_prefix', type: 'varchar', length: 49, nullable: true })
  ipPrefix: string | null;

  @NotPersonal('tenant key of a signed-in user; null for visitors')
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** No foreign key across contexts: erasing the user erases these entries (the provider). */
  @NotPersonal('the signed-in user who chose; the entries go with the user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;
}
