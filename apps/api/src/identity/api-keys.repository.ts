import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionService } from '../database/transaction.service.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly transactions: TransactionService) {}

  private keys() {
    return this.transactions.managerOf().getRepository(ApiKeyEntity);
  }

  async insert(
    values: Pick<
      ApiKeyEntity,
      'organizationId' | 'name' | 'prefix' | 'secretHash' | 'scopes' | 'createdByUserId' | 'expiresAt'
    >,
  ): Promise<ApiKeyEntity> {
    return this.keys().save(this.keys().create(values));
  }

  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.keys().findOneBy({ prefix });
  }

  list(organizationId: string): Promise<ApiKeyEntity[]> {
    return this.keys().find({ where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  async revoke(organizationId: string, id: string): Promise<boolean> {
    const result = await this.keys().update({ organizationId, id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Records use at most once a minute per key, so a busy integration does not write on every call. */
  async recordUse(id: string, ip: string | null): Promise<void> {
    await this.keys()
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()', lastUsedIp: ip })
      .where("id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", { id })
      .execute();
  }
}
