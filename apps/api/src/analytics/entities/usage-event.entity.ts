import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * One usage event, raw, until the nightly rollup counts it into `usage_daily` (then it is
 * deleted within days). It holds no user id, no address, no user agent, no consent id and no
 * time finer than the day: the session hash is a keyed hash whose key (the day's salt) is
 * deleted 48 hours after its day began, after which nobody can recompute it from an address.
 */
@Entity('usage_events')
@Index('IDX_usage_events_day', ['day'])
export class UsageEventEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('the organization using the product, not a person')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('"page-view" or "feature"')
  @Column({ type: 'varchar', length: 16 })
  type: string;

  @NotPersonal('a route pattern (/contacts/:id) or a feature name, validated to carry no ids or values')
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @NotPersonal('the UTC day of the event, so events cannot be matched to one person’s actions')
  @Column({ type: 'date' })
  day: string;

  @NotPersonal('a coarse browser family (Chrome, Firefox, Safari, Edge, Other), never the user agent')
  @Column({ type: 'varchar', length: 16 })
  browser: string;

  @NotPersonal(
    'HMAC of organization, address and browser under a random salt of the day that is deleted after 48 hours: counts sessions, cannot be traced back',
  )
  @Column({ name: 'session_hash', type: 'bytea' })
  sessionHash: Buffer;
}
