import { Injectable } from '@nestjs/common';
import type { Transaction } from '../database/transaction.service.js';
import { TransactionService } from '../database/transaction.service.js';
import { UserEntity } from './entities/user.entity.js';

export type NewUser = Omit<
  UserEntity,
  'id' | 'organization' | 'createdAt' | 'updatedAt' | 'version' | 'lastSignInAt' | 'restrictedAt' | 'state'
> &
  Partial<Pick<UserEntity, 'id' | 'state'>>;

/** Every query is scoped to one organization, except the sign-in lookup by blind index. */
@Injectable()
export class UsersRepository {
  constructor(private readonly transactions: TransactionService) {}

  private users(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(UserEntity);
  }

  async insert(values: NewUser, tx?: Transaction): Promise<UserEntity> {
    return this.users(tx).save(this.users(tx).create(values));
  }

  /** Emails are unique across organizations: this finds the one account, whoever owns it. */
  findByEmailIndex(emailIndex: string): Promise<UserEntity | null> {
    return this.users().findOneBy({ emailIndex });
  }

  findInOrganization(organizationId: string, id: string): Promise<UserEntity | null> {
    return this.users().findOneBy({ organizationId, id });
  }

  listInOrganization(organizationId: string): Promise<UserEntity[]> {
    return this.users().find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  async recordSignIn(id: string): Promise<void> {
    await this.users().update({ id }, { lastSignInAt: new Date() });
  }

  async setRestricted(organizationId: string, id: string, at: Date | null): Promise<void> {
    await this.users().update({ organizationId, id }, { restrictedAt: at });
  }

  async delete(organizationId: string, id: string, tx?: Transaction): Promise<number> {
    return (await this.users(tx).delete({ organizationId, id })).affected ?? 0;
  }
}
