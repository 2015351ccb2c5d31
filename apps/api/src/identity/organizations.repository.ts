import { Injectable } from '@nestjs/common';
import { MoreThanOrEqual } from 'typeorm';
import { insertEntity } from '../database/insert-entity.js';
import { findByColumn } from '../database/lean-rows.js';
import type { Transaction } from '../database/transaction.service.js';
import { TransactionService } from '../database/transaction.service.js';
import { BranchEntity } from './entities/branch.entity.js';
import { OrganizationEntity } from './entities/organization.entity.js';

export type NewOrganization = Pick<OrganizationEntity, 'name' | 'slug'> & Partial<OrganizationEntity>;

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly transactions: TransactionService) {}

  async insert(values: NewOrganization, tx?: Transaction): Promise<OrganizationEntity> {
    const repository = this.transactions.managerOf(tx).getRepository(OrganizationEntity);
    return insertEntity(repository, values);
  }

  /** Organizations created before `before` none of whose people ever confirmed an email (abandoned sign-ups). */
  async listUnconfirmedBefore(before: Date, limit: number, only?: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.transactions.managerOf().query(
      `SELECT o.id FROM organizations o
        WHERE o.created_at < $1 AND ($3::uuid IS NULL OR o.id = $3)
          AND EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id)
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id AND u.email_verified_at IS NOT NULL)
        ORDER BY o.created_at LIMIT $2`,
      [before, limit, only ?? null],
    );
    return rows.map((row) => row.id);
  }

  findBySlug(slug: string): Promise<OrganizationEntity | null> {
    return this.transactions.managerOf().getRepository(OrganizationEntity).findOneBy({ slug });
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.transactions.managerOf().getRepository(OrganizationEntity).findOneBy({ id });
  }

  async insertBranch(organizationId: string, name: string, tx?: Transaction): Promise<BranchEntity> {
    const repository = this.transactions.managerOf(tx).getRepository(BranchEntity);
    return insertEntity(repository, { organizationId, name });
  }

  /** Applies `patch` only if the row is still at `version`; null when it is not (or absent). */
  async updateIfVersion(
    id: string,
    version: number,
    patch: Partial<
      Pick<
        OrganizationEntity,
        'name' | 'minUserAge' | 'mfaRequired' | 'dataRegion' | 'accessTokenMinutes' | 'persistentSessionDays'
      >
    >,
    tx?: Transaction,
  ): Promise<OrganizationEntity | null> {
    const organizations = this.transactions.managerOf(tx).getRepository(OrganizationEntity);
    const result = await organizations.update({ id, version }, { ...patch, version: () => 'version + 1' });
    return result.affected ? organizations.findOneBy({ id }) : null;
  }

  findBranch(organizationId: string, id: string): Promise<BranchEntity | null> {
    return this.transactions.managerOf().getRepository(BranchEntity).findOneBy({ organizationId, id });
  }

  findBranchByName(organizationId: string, name: string): Promise<BranchEntity | null> {
    return this.transactions.managerOf().getRepository(BranchEntity).findOneBy({ organizationId, name });
  }

  async renameBranchIfVersion(
    organizationId: string,
    id: string,
    version: number,
    name: string,
    tx?: Transaction,
  ): Promise<BranchEntity | null> {
    const branches = this.transactions.managerOf(tx).getRepository(BranchEntity);
    const result = await branches.update({ organizationId, id, version }, { name, version: () => 'version + 1' });
    return result.affected ? branches.findOneBy({ organizationId, id }) : null;
  }

  /** Deletes the branch and takes it off every user's branch list, together. */
  async deleteBranch(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    await tx.manager.query(
      'UPDATE users SET branch_ids = array_remove(branch_ids, $2::uuid) WHERE organization_id = $1 AND $2::uuid = ANY(branch_ids)',
      [organizationId, id],
    );
    return ((await tx.manager.getRepository(BranchEntity).delete({ organizationId, id })).affected ?? 0) > 0;
  }

  /** By name; with `updatedSince`, those changed at or after it, oldest change first. */
  listBranches(organizationId: string, updatedSince?: Date): Promise<BranchEntity[]> {
    const branches = this.transactions.managerOf().getRepository(BranchEntity);
    return updatedSince
      ? branches.find({
          where: { organizationId, updatedAt: MoreThanOrEqual(updatedSince) },
          order: { updatedAt: 'ASC', id: 'ASC' },
        })
      : findByColumn(branches, 'organizationId', organizationId, { name: 'ASC' });
  }
}
