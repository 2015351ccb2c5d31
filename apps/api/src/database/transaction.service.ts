import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * An open transaction, passed from a service to the repositories that take part in it.
 * Opaque outside repositories: services never touch TypeORM.
 */
export interface Transaction {
  readonly manager: EntityManager;
  /**
   * Runs `hook` once the work is done, still inside the transaction, just before it
   * commits (the audit trail queues its entries here, in one statement, to be chained at
   * COMMIT). A hook that fails rolls the whole transaction back.
   */
  beforeCommit(key: object, hook: () => Promise<void>): void;
}

class OpenTransaction implements Transaction {
  private readonly hooks = new Map<object, () => Promise<void>>();

  constructor(readonly manager: EntityManager) {}

  beforeCommit(key: object, hook: () => Promise<void>): void {
    if (!this.hooks.has(key)) this.hooks.set(key, hook);
  }

  async finish(): Promise<void> {
    for (const hook of this.hooks.values()) await hook();
  }
}

@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  run<Result>(work: (tx: Transaction) => Promise<Result>): Promise<Result> {
    return this.dataSource.transaction(async (manager) => {
      const tx = new OpenTransaction(manager);
      const result = await work(tx);
      await tx.finish();
      return result;
    });
  }

  /** The manager of `tx`, or the pool's when outside a transaction. For repositories. */
  managerOf(tx?: Transaction): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }
}
