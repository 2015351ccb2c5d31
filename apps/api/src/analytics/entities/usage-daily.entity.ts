import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/** The type and name of a total over all types or all names of the day (a session is counted once in it). */
export const ALL = '*';

/**
 * Anonymized daily counts of one organization's usage, rolled up nightly from raw events and
 * kept 24 months by default. A row counts (day, type, name, browser family); rows with type or
 * name `*` are the totals over all of them, because distinct sessions cannot be added up across
 * names. A session is one browser of one organization on one day, so sessions add up across
 * days and browsers.
 */
@Entity('usage_daily')
@Index('UQ_usage_daily_cell', ['day', 'organizationId', 'type', 'name', 'browser'], { unique: true })
@Index('IDX_usage_daily_organization_day', ['organizationId', 'day'])
export class UsageDailyEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('the organization using the product, not a person')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the UTC day counted')
  @Column({ type: 'date' })
  day: string;

  @NotPersonal('"page-view", "feature", or * for all')
  @Column({ type: 'varchar', length: 16 })
  type: string;

  @NotPersonal('a route pattern or feature name, or * for all')
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @NotPersonal('a coarse browser family')
  @Column({ type: 'varchar', length: 16 })
  browser: string;

  @NotPersonal('a count of events')
  @Column({ type: 'integer' })
  events: number;

  @NotPersonal('a count of distinct daily session hashes')
  @Column({ type: 'integer' })
  sessions: number;
}
