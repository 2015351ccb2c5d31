import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * The random salt of one UTC day, the key of that day's session hashes. Made on demand by the
 * first event of the day, deleted once 48 hours have passed since its day began: after that
 * no hash of that day can be recomputed from an address and a browser.
 */
@Entity('usage_salts')
export class UsageSaltEntity {
  @NotPersonal('the UTC day the salt keys')
  @PrimaryColumn({ type: 'date' })
  day: string;

  @NotPersonal('32 random bytes, never derived from anything')
  @Column({ type: 'bytea' })
  salt: Buffer;

  @NotPersonal('when the salt was made')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
