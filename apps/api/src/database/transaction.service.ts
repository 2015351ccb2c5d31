import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * An open transaction, passed from a service to the repositories that take part in it.
 * Opaque outside repositories: services never touch TypeORM.
 */
export interface Transaction {
  readonly manager: EntityManager;
}

@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  run<Result>(work: (tx: Transaction) => Promise<Result>): Promise<Result> {
    return this.dataSource.transaction((manager) => work({ manager }));
  }

  /** The manager of `tx`, or the pool's when outside a transaction. For repositories. */
  managerOf(tx?: Transaction): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }
}
