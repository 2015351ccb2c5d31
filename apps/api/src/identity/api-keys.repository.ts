import { Injectable } from '@nestjs/common';
import { IsNull, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock.js';
import { insertEntity } from '../database/insert-entity.js';
import { findByColumn } from '../database/lean-rows.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';

@Injectable()
export class ApiKeysRepository {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  private keys(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ApiKeyEntity);
  }

  async insert(
    values: Pick<
      ApiKeyEntity,
      'organizationId' | 'name' | 'prefix' | 'secretHash' | 'scopes' | 'createdByUserId' | 'expiresAt'
    >,
    tx?: Transaction,
  ): Promise<ApiKeyEntity> {
    return insertEntity(this.keys(tx), values);
  }

  /** Keys with this prefix: unique within an organization only, so possibly (rarely) more than one. */
  find(organizationId: string, id: string): Promise<ApiKeyEntity | null> {
    return this.keys().findOneBy({ organizationId, id });
  }

  /** Every request with a key asks: built once, rows hydrated without TypeORM's transformer. */
  findByPrefix(prefix: string): Promise<ApiKeyEntity[]> {
    return findByColumn(this.keys(), 'prefix', prefix);
  }

  /** Newest first; with `updatedSince`, those changed at or after it, oldest change first. */
  list(organizationId: string, updatedSince?: Date): Promise<ApiKeyEntity[]> {
    return updatedSince
      ? this.keys().find({
          where: { organizationId, updatedAt: MoreThanOrEqual(updatedSince) },
          order: { updatedAt: 'ASC', id: 'ASC' },
        })
      : this.keys().find({ where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  async revoke(organizationId: string, id: string, tx?: Transaction): Promise<boolean> {
    const result = await this.keys(tx).update(
      { organizationId, id, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Every active key a user created: they stop with the user's account. Returns how many. */
  async revokeCreatedBy(organizationId: string, userId: string, tx?: Transaction): Promise<number> {
    const result = await this.keys(tx).update(
      { organizationId, createdByUserId: userId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    return result.affected ?? 0;
  }

  /**
   * Records use at most once a minute per key, so a busy integration does not write on
   * every call; true when this call was the first of its minute.
   */
  async recordUse(organizationId: string, id: string, ip: string | null, tx?: Transaction): Promise<boolean> {
    const now = this.clock.now();
    const minuteAgo = new Date(now.getTime() - 60_000);
    const result = await this.keys(tx)
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: now, lastUsedIp: ip })
      .where('organization_id = :organizationId AND id = :id AND (last_used_at IS NULL OR last_used_at < :minuteAgo)', {
        organizationId,
        id,
        minuteAgo,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
