import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Clock } from '../common/clock.js';
import { insertEntity } from '../database/insert-entity.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { OneTimeTokenEntity, type TokenPurpose } from './entities/one-time-token.entity.js';

export type NewOneTimeToken = Pick<
  OneTimeTokenEntity,
  'organizationId' | 'userId' | 'purpose' | 'tokenHash' | 'expiresAt'
> &
  Partial<Pick<OneTimeTokenEntity, 'payloadEnc'>>;

@Injectable()
export class OneTimeTokensRepository {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  private tokens(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(OneTimeTokenEntity);
  }

  async insert(values: NewOneTimeToken, tx?: Transaction) {
    return insertEntity(this.tokens(tx), values);
  }

  findUsable(tokenHash: string, purpose: TokenPurpose): Promise<OneTimeTokenEntity | null> {
    return this.tokens().findOneBy({ tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) });
  }

  /**
   * Uses the token up if it is unused, unexpired and for `purpose` (atomic: two requests
   * with the same link cannot both succeed). Answers the row, or null.
   */
  async consume(tokenHash: string, purpose: TokenPurpose, tx?: Transaction): Promise<OneTimeTokenEntity | null> {
    const now = this.clock.now();
    const result = await this.tokens(tx).update(
      { tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return result.affected ? this.tokens(tx).findOneBy({ tokenHash }) : null;
  }

  /** Earlier links of the same kind stop working when a new one is sent. */
  async retireUnused(organizationId: string, userId: string, purpose: TokenPurpose, tx?: Transaction): Promise<void> {
    await this.tokens(tx).update({ organizationId, userId, purpose, usedAt: IsNull() }, { usedAt: this.clock.now() });
  }
}
