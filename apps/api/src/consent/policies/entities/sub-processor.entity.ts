import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { VersionedEntity } from '../../../database/tenant-owned.entity.js';

/**
 * A processor the controller uses (hosting, email, payments): shown in the policy's
 * processors section. Platform processors have no organization.
 */
@Entity('sub_processors')
@Index('IDX_sub_processors_organization', ['organizationId'])
export class SubProcessorEntity extends VersionedEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal("tenant key; null for the platform's processors")
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @NotPersonal('business name of a vendor')
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @NotPersonal('what the vendor does for us')
  @Column({ type: 'varchar', length: 300 })
  purpose: string;

  @NotPersonal('kinds of data the vendor processes')
  @Column({ name: 'data_categories', type: 'varchar', length: 80, array: true, default: () => "'{}'" })
  dataCategories: string[];

  @NotPersonal('where the vendor processes data')
  @Column({ type: 'varchar', length: 120 })
  location: string;

  @NotPersonal('transfer safeguard, such as Standard Contractual Clauses')
  @Column({ type: 'varchar', length: 200 })
  safeguard: string;

  @NotPersonal('date the data processing agreement was signed')
  @Column({ name: 'dpa_date', type: 'date', nullable: true })
  dpaDate: string | null;
}
