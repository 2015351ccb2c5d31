import { Injectable } from '@nestjs/common';
import { TransactionService } from '../database/transaction.service.js';
import { UsageEventEntity } from './entities/usage-event.entity.js';

export type NewUsageEvent = Omit<UsageEventEntity, 'id'>;

/** Raw usage events and the daily salts of their session hashes. */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private query<Row = unknown>(sql: string, parameters: unknown[]): Promise<Row> {
    return this.transactions.managerOf().query(sql, parameters);
  }

  async appendAll(events: NewUsageEvent[]): Promise<void> {
    await this.transactions.managerOf().getRepository(UsageEventEntity).insert(events);
  }

  /**
   * The salt of `day`, made with `candidate` if the day has none yet. Two replicas making the
   * first salt of a day at once: one insert wins, both read the winner (two statements, so the
   * read sees the other's commit).
   */
  async saltOf(day: string, candidate: () => Buffer, now: Date): Promise<{ salt: Buffer; made: boolean }> {
    const [existing] = await this.query<{ salt: Buffer }[]>('SELECT salt FROM usage_salts WHERE day = $1', [day]);
    if (existing) return { salt: existing.salt, made: false };
    await this.query(
      'INSERT INTO usage_salts (day, salt, created_at) VALUES ($1, $2, $3) ON CONFLICT (day) DO NOTHING',
      [day, candidate(), now],
    );
    const [row] = await this.query<{ salt: Buffer }[]>('SELECT salt FROM usage_salts WHERE day = $1', [day]);
    return { salt: row.salt, made: true };
  }

  /** Deletes the salts of days before `day`; returns how many went. */
  async deleteSaltsBefore(day: string): Promise<number> {
    const [, affected] = await this.query<[unknown, number]>('DELETE FROM usage_salts WHERE day < $1', [day]);
    return Number(affected ?? 0);
  }

  /** Days before `day` that have raw events and were never rolled up, oldest first. */
  async daysToRollUp(day: string, limit: number): Promise<string[]> {
    const rows = await this.query<{ day: string }[]>(
      `SELECT DISTINCT e.day::text AS day FROM usage_events e
        WHERE e.day < $1 AND NOT EXISTS (SELECT 1 FROM usage_rollups r WHERE r.day = e.day)
        ORDER BY day LIMIT $2`,
      [day, limit],
    );
    return rows.map((row) => row.day);
  }

  /**
   * At most `limit` raw events of days before `day` that were rolled up; returns how many
   * went. Events of a day never rolled up stay, however old.
   */
  async deleteRolledUpBefore(day: string, limit: number): Promise<number> {
    const [, affected] = await this.query<[unknown, number]>(
      `DELETE FROM usage_events WHERE (organization_id, id) IN (
         SELECT e.organization_id, e.id FROM usage_events e JOIN usage_rollups r ON r.day = e.day WHERE e.day < $1 LIMIT $2)`,
      [day, limit],
    );
    return Number(affected ?? 0);
  }
}
