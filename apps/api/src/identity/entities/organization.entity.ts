import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { VersionedEntity } from '../../database/tenant-owned.entity.js';
import { SUBSCRIPTION_STATES, type SubscriptionState } from '../identity.types.js';

/** A customer organization: the tenant every other row belongs to. */
@Entity('organizations')
export class OrganizationEntity extends VersionedEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('business name of the customer organization')
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @NotPersonal('URL-safe handle derived from the business name')
  @Column({ type: 'varchar', length: 80, unique: true })
  slug: string;

  /** The policies differ (13 vs 18): 18 is the default, 13 the lowest allowed. */
  @NotPersonal('organization setting')
  @Column({ name: 'min_user_age', type: 'smallint', default: 18 })
  minUserAge: number;

  @NotPersonal('organization setting')
  @Column({ name: 'mfa_required', type: 'boolean', default: false })
  mfaRequired: boolean;

  @NotPersonal('organization setting: where the data is said to reside')
  @Column({ name: 'data_region', type: 'varchar', length: 40, default: 'eu-west' })
  dataRegion: string;

  @NotPersonal('organization setting')
  @Column({ name: 'access_token_minutes', type: 'smallint', default: 15 })
  accessTokenMinutes: number;

  @NotPersonal('organization setting: lifetime of a "keep me signed in" session')
  @Column({ name: 'persistent_session_days', type: 'smallint', default: 30 })
  persistentSessionDays: number;

  @NotPersonal('billing state')
  @Column({ name: 'subscription_state', type: 'enum', enum: SUBSCRIPTION_STATES, default: 'trial' })
  subscriptionState: SubscriptionState;

  /** The end of the current period (trial, active, past due) or of the contract (ended), as billing says. */
  @NotPersonal('billing state')
  @Column({ name: 'subscription_ends_at', type: 'timestamptz', nullable: true })
  subscriptionEndsAt: Date | null;

  /** When it became ended or terminated: the purge follows `retention.accountDaysAfterSubscription` days later. */
  @NotPersonal('billing state')
  @Column({ name: 'subscription_ended_at', type: 'timestamptz', nullable: true })
  subscriptionEndedAt: Date | null;

  /** The state a termination ended, to return to on a restore. */
  @NotPersonal('billing state')
  @Column({ name: 'terminated_from_state', type: 'varchar', length: 16, nullable: true })
  terminatedFromState: SubscriptionState | null;
}
