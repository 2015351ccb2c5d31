import { Injectable } from '@nestjs/common';
import type { Db } from 'pg-boss';
import { DataSource } from 'typeorm';
import { jobDatabaseIn, jobDatabaseOnPool } from './job-database.js';
import type { Transaction } from './transaction.service.js';

export { JOB_SCHEMA } from './job-database.js';

/** For the jobs context, which may not touch TypeORM itself: pg-boss's ways to the database. */
@Injectable()
export class JobConnections {
  constructor(private readonly dataSource: DataSource) {}

  /** The API's pool (the embedded database's single connection). */
  shared(): Db {
    return jobDatabaseOnPool(this.dataSource);
  }

  /** The connection of `tx`. */
  in(tx: Transaction): Db {
    return jobDatabaseIn(tx);
  }
}
