import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionService } from '../database/transaction.service.js';
import { SignInAttemptEntity } from './entities/sign-in-attempt.entity.js';

@Injectable()
export class SignInAttemptsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private attempts() {
    return this.transactions.managerOf().getRepository(SignInAttemptEntity);
  }

  findMany(keys: string[]): Promise<SignInAttemptEntity[]> {
    return this.attempts().findBy({ key: In(keys) });
  }

  /**
   * Counts one more failure atomically (concurrent attempts cannot undercount) and
   * answers the new count. Failures older than `resetBefore` start the count afresh.
   */
  async recordFailure(key: string, now: Date, resetBefore: Date): Promise<number> {
    const [row] = await this.attempts().query(
      `INSERT INTO sign_in_attempts (key, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN sign_in_attempts.last_failure_at < $3 THEN 1 ELSE sign_in_attempts.failures + 1 END,
         last_failure_at = $2
       RETURNING failures`,
      [key, now, resetBefore],
    );
    return row.failures;
  }

  async lockUntil(key: string, until: Date): Promise<void> {
    await this.attempts().update({ key }, { lockedUntil: until });
  }

  async clear(key: string): Promise<void> {
    await this.attempts().delete({ key });
  }
}
