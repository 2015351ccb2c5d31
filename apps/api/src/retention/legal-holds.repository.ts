import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { LegalHoldEntity } from './entities/legal-hold.entity.js';
import type { HoldScope } from './retention.types.js';

export interface HoldFilter {
  active?: boolean;
  scope?: HoldScope;
  targetId?: string;
}

@Injectable()
export class LegalHoldsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private holds(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(LegalHoldEntity);
  }

  async insert(hold: Omit<LegalHoldEntity, 'id'>, tx: Transaction): Promise<LegalHoldEntity> {
    return this.holds(tx).save(this.holds(tx).create(hold));
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<LegalHoldEntity | null> {
    return this.holds(tx).findOne({
      where: { organizationId, id },
      lock: tx ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  async list(organizationId: string, filter: HoldFilter, offset: number, limit: number) {
    const query = this.holds()
      .createQueryBuilder('hold')
      .where('hold.organization_id = :organizationId', { organizationId })
      .orderBy('hold.set_at', 'DESC')
      .addOrderBy('hold.id', 'DESC')
      .skip(offset)
      .take(limit);
    if (filter.active === true) query.andWhere('hold.released_at IS NULL');
    if (filter.active === false) query.andWhere('hold.released_at IS NOT NULL');
    if (filter.scope) query.andWhere('hold.scope = :scope', { scope: filter.scope });
    if (filter.targetId) query.andWhere('hold.target_id = :targetId', { targetId: filter.targetId });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  async anyActive(organizationId: string): Promise<boolean> {
    return (await this.holds().count({ where: { organizationId, releasedAt: IsNull() } })) > 0;
  }

  /** Active holds on the organization, or with one of `ids` as their target or their own id. */
  async activeCovering(organizationId: string, targetIds: string[], tx?: Transaction): Promise<LegalHoldEntity[]> {
    return this.holds(tx)
      .createQueryBuilder('hold')
      .where('hold.organization_id = :organizationId AND hold.released_at IS NULL', { organizationId })
      .andWhere(
        "(hold.scope = 'organization' OR hold.target_id = ANY(:targetIds::uuid[]) OR hold.id = ANY(:targetIds::uuid[]))",
        {
          targetIds,
        },
      )
      .getMany();
  }

  async release(
    hold: LegalHoldEntity,
    change: Pick<LegalHoldEntity, 'releasedAt' | 'releasedByKind' | 'releasedById' | 'releaseReason'>,
    tx: Transaction,
  ): Promise<LegalHoldEntity> {
    await this.holds(tx).update({ organizationId: hold.organizationId, id: hold.id }, change);
    return { ...hold, ...change };
  }
}
