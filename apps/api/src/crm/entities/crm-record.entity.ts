import { Column } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';

/**
 * What every CRM record carries besides its fields: the branch it belongs to (managers and
 * agents see only their branches) and the staff member responsible for it. Both are plain
 * ids: the CRM never joins identity's tables.
 */
export abstract class BranchScopedEntity extends TenantOwnedEntity {
  @NotPersonal('branch the record belongs to (access scoping)')
  @Column({ name: 'branch_id', type: 'uuid' })
  branchId: string;
}
