import { Injectable } from '@nestjs/common';
import { IsNull, LessThan, MoreThan } from 'typeorm';
import { TransactionService } from '../database/transaction.service.js';
import { OneTimeTokenEntity, type TokenPurpose } from './entities/one-time-token.entity.js';

@Injectable()
export class OneTimeTokensRepository {
  constructor(private readonly transactions: TransactionService) {}

  private tokens() {
    return this.transactions.managerOf().getRepository(OneTimeTokenEntity);
  }

  async insert(values: Pick<OneTimeTokenEntity, 'organizationId' | 'userId' | 'purpose' | 'tokenHash' | 'expiresAt'>) {
    return this.tokens().save(this.tokens().create(values));
  }

  findUsable(tokenHash: string, purpose: TokenPurpose): Promise<OneTimeTokenEntity | null> {
    return this.tokens().findOneBy({ tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  /**
   * Uses the token up if it is unused, unexpired and for `purpose` (atomic: two requests
   * with the same link cannot both succeed). Answers the row, or null.
   */
  async consume(tokenHash: string, purpose: TokenPurpose): Promise<OneTimeTokenEntity | null> {
    const now = new Date();
    const result = await this.tokens().update(
      { tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return result.affected ? this.tokens().findOneBy({ tokenHash }) : null;
  }

  /** Earlier links of the same kind stop working when a new one is sent. */
  async retireUnused(userId: string, purpose: TokenPurpose): Promise<void> {
    await this.tokens().update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }

  async deleteExpiredBefore(date: Date): Promise<number> {
    return (await this.tokens().delete({ expiresAt: LessThan(date) })).affected ?? 0;
  }
}
