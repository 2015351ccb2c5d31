import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuditAction, AuditEvent } from '../audit/audit.types.js';
import { AppError } from '../common/app-error.js';
import { changedFields } from '../common/changed-fields.js';
import { TransactionService } from '../database/transaction.service.js';
import type { Caller } from './access-tokens.js';
import type { BranchEntity } from './entities/branch.entity.js';
import type { OrganizationEntity } from './entities/organization.entity.js';
import type { OrganizationUpdateDto } from './organizations.dto.js';
import { OrganizationsRepository } from './organizations.repository.js';

const stale = () =>
  new AppError('conflict', 'Someone changed this since you loaded it; reload and apply your change again');

/** The caller's own organization and its branches. Everything is scoped to `caller.organizationId`. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async get(caller: Caller): Promise<OrganizationEntity> {
    const organization = await this.organizations.findById(caller.organizationId);
    if (!organization) throw new AppError('not-found');
    return organization;
  }

  async update(caller: Caller, { version, ...patch }: OrganizationUpdateDto): Promise<OrganizationEntity> {
    const updated = await this.transactions.run(async (tx) => {
      const row = await this.organizations.updateIfVersion(caller.organizationId, version, patch, tx);
      if (row) {
        this.audit.record(tx, {
          organizationId: caller.organizationId,
          action: 'organization.updated',
          targetType: 'organization',
          targetId: caller.organizationId,
          // Settings are not personal: the new values are recorded, to answer "who turned MFA off?".
          details: { fields: changedFields(patch), values: patch },
        });
      }
      return row;
    });
    if (!updated) throw stale();
    return updated;
  }

  listBranches(caller: Caller, updatedSince?: Date): Promise<BranchEntity[]> {
    return this.organizations.listBranches(caller.organizationId, updatedSince);
  }

  async createBranch(caller: Caller, name: string): Promise<BranchEntity> {
    await this.assertNameFree(caller.organizationId, name);
    return this.transactions.run(async (tx) => {
      const branch = await this.organizations.insertBranch(caller.organizationId, name.trim(), tx);
      this.audit.record(tx, this.branchEvent(caller, 'branch.created', branch.id));
      return branch;
    });
  }

  async getBranch(caller: Caller, id: string): Promise<BranchEntity> {
    const branch = await this.organizations.findBranch(caller.organizationId, id);
    if (!branch) throw new AppError('not-found', 'No such branch');
    return branch;
  }

  async renameBranch(caller: Caller, id: string, version: number, name: string): Promise<BranchEntity> {
    const branch = await this.organizations.findBranch(caller.organizationId, id);
    if (!branch) throw new AppError('not-found', 'No such branch');
    if (branch.name !== name.trim()) await this.assertNameFree(caller.organizationId, name);
    const renamed = await this.transactions.run(async (tx) => {
      const row = await this.organizations.renameBranchIfVersion(caller.organizationId, id, version, name.trim(), tx);
      if (row)
        this.audit.record(tx, { ...this.branchEvent(caller, 'branch.updated', id), details: { fields: ['name'] } });
      return row;
    });
    if (!renamed) throw stale();
    return renamed;
  }

  async deleteBranch(caller: Caller, id: string): Promise<void> {
    const deleted = await this.transactions.run(async (tx) => {
      if (!(await this.organizations.deleteBranch(caller.organizationId, id, tx))) return false;
      this.audit.record(tx, this.branchEvent(caller, 'branch.deleted', id));
      return true;
    });
    if (!deleted) throw new AppError('not-found', 'No such branch');
  }

  private branchEvent(caller: Caller, action: AuditAction, id: string): AuditEvent {
    return { organizationId: caller.organizationId, action, targetType: 'branch', targetId: id };
  }

  private async assertNameFree(organizationId: string, name: string): Promise<void> {
    if (await this.organizations.findBranchByName(organizationId, name.trim())) {
      throw new AppError('conflict', `A branch named "${name.trim()}" already exists`);
    }
  }
}
