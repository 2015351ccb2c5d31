import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import { OrganizationEntity } from './organization.entity.js';

@Entity('branches')
// Deleting an organization (retention purge) deletes its rows.
@ForeignKey(() => OrganizationEntity, ['organizationId'], ['id'], {
  name: 'FK_9ecf73d5ca57108dc33c87f7d88',
  onDelete: 'CASCADE',
})
@Index('UQ_branches_organization_name', ['organizationId', 'name'], { unique: true })
export class BranchEntity extends TenantOwnedEntity {
  @NotPersonal('name of an office or team, e.g. "Leeds"')
  @Column({ type: 'varchar', length: 120 })
  name: string;
}
