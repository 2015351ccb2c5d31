import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import { OrganizationEntity } from './organization.entity.js';

@Entity('branches')
@Index('UQ_branches_organization_name', ['organizationId', 'name'], { unique: true })
export class BranchEntity extends TenantOwnedEntity {
  /** Deleting an organization (retention purge) deletes its rows. */
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @NotPersonal('name of an office or team, e.g. "Leeds"')
  @Column({ type: 'varchar', length: 120 })
  name: string;
}
