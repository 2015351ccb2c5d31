import { Injectable } from '@nestjs/common';
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
    return repository.save(repository.create(values));
  }

  findBySlug(slug: string): Promise<OrganizationEntity | null> {
    return this.transactions.managerOf().getRepository(OrganizationEntity).findOneBy({ slug });
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.transactions.managerOf().getRepository(OrganizationEntity).findOneBy({ id });
  }

  async insertBranch(organizationId: string, name: string, tx?: Transaction): Promise<BranchEntity> {
    const repository = this.transactions.managerOf(tx).getRepository(BranchEntity);
    return repository.save(repository.create({ organizationId, name }));
  }

  listBranches(organizationId: string): Promise<BranchEntity[]> {
    return this.transactions
      .managerOf()
      .getRepository(BranchEntity)
      .find({ where: { organizationId }, order: { name: 'ASC' } });
  }
}
