import { Injectable } from '@nestjs/common';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { RetentionOverrideEntity } from './entities/retention-override.entity.js';

@Injectable()
export class RetentionOverridesRepository {
  constructor(private readonly transactions: TransactionService) {}

  private overrides(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(RetentionOverrideEntity);
  }

  /** The organization's own periods, by rule. */
  async of(organizationId: string): Promise<Map<string, number>> {
    const rows = await this.overrides().find({ where: { organizationId } });
    return new Map(rows.map((row) => [row.rule, row.value]));
  }

  async set(override: RetentionOverrideEntity, tx: Transaction): Promise<void> {
    await this.overrides(tx).upsert(override, ['organizationId', 'rule']);
  }

  async clear(organizationId: string, rule: string, tx: Transaction): Promise<void> {
    await this.overrides(tx).delete({ organizationId, rule });
  }
}
