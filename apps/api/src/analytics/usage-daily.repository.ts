import { Injectable } from '@nestjs/common';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { ALL, UsageDailyEntity } from './entities/usage-daily.entity.js';

export type NewUsageDaily = Omit<UsageDailyEntity, 'id'>;

export interface UsageTotalRow {
  day: string;
  type: string;
  events: number;
  sessions: number;
}

export interface UsageNameRow {
  type: string;
  name: string;
  events: number;
  sessions: number;
}

export interface UsageBrowserRow {
  browser: string;
  events: number;
  sessions: number;
}

/** Daily aggregates of usage, and the days rolled up into them. */
@Injectable()
export class UsageDailyRepository {
  constructor(private readonly transactions: TransactionService) {}

  private query<Row = unknown>(sql: string, parameters: unknown[], tx?: Transaction): Promise<Row> {
    return this.transactions.managerOf(tx).query(sql, parameters);
  }

  /**
   * Replaces the aggregates of `day` with counts of its raw events, and marks the day rolled
   * up. Running it again for the same raw events gives the same rows. The totals (type or name
   * `*`) come from the same statement: distinct sessions are counted, never added up.
   */
  async rollUp(tx: Transaction, day: string, now: Date): Promise<{ events: number; rows: number }> {
    await this.query('DELETE FROM usage_daily WHERE day = $1', [day], tx);
    const [, rows] = await this.query<[unknown, number]>(
      `INSERT INTO usage_daily (organization_id, day, type, name, browser, events, sessions)
       SELECT organization_id, day, COALESCE(type, $2), COALESCE(name, $2), browser,
              count(*)::int, count(DISTINCT session_hash)::int
         FROM usage_events WHERE day = $1
        GROUP BY GROUPING SETS ((organization_id, day, browser, type, name),
                                (organization_id, day, browser, type),
                                (organization_id, day, browser))`,
      [day, ALL],
      tx,
    );
    const [{ events }] = await this.query<{ events: number }[]>(
      'SELECT count(*)::int AS events FROM usage_events WHERE day = $1',
      [day],
      tx,
    );
    await this.query(
      `INSERT INTO usage_rollups (day, rolled_up_at, events) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET rolled_up_at = EXCLUDED.rolled_up_at, events = EXCLUDED.events`,
      [day, now, events],
      tx,
    );
    return { events, rows: Number(rows ?? 0) };
  }

  /** At most `limit` aggregates of days before `day`, with those days' rollup marks; returns how many went. */
  async deleteBefore(day: string, limit: number): Promise<number> {
    const [, affected] = await this.query<[unknown, number]>(
      'DELETE FROM usage_daily WHERE (organization_id, id) IN (SELECT organization_id, id FROM usage_daily WHERE day < $1 LIMIT $2)',
      [day, limit],
    );
    await this.query(
      'DELETE FROM usage_rollups WHERE day < $1 AND NOT EXISTS (SELECT 1 FROM usage_events e WHERE e.day = usage_rollups.day)',
      [day],
    );
    return Number(affected ?? 0);
  }

  async hasAny(organizationId: string): Promise<boolean> {
    return this.transactions.managerOf().getRepository(UsageDailyEntity).exists({ where: { organizationId } });
  }

  /** Demo data only: the nightly rollup writes through rollUp. */
  async insertAll(rows: NewUsageDaily[]): Promise<void> {
    await this.transactions.managerOf().getRepository(UsageDailyEntity).insert(rows);
  }

  /** Per day and type (including `*`), the organization's totals over all names and browsers. */
  totals(organizationId: string, from: string, to: string): Promise<UsageTotalRow[]> {
    return this.query(
      `SELECT day::text AS day, type, sum(events)::int AS events, sum(sessions)::int AS sessions
         FROM usage_daily
        WHERE organization_id = $1 AND day BETWEEN $2 AND $3 AND name = $4
        GROUP BY day, type ORDER BY day, type`,
      [organizationId, from, to, ALL],
    );
  }

  /** The `limit` most used names of each type (or of `type`), by events over the range. */
  topNames(
    organizationId: string,
    from: string,
    to: string,
    type: string | null,
    limit: number,
  ): Promise<UsageNameRow[]> {
    return this.query(
      `SELECT type, name, events, sessions FROM (
         SELECT type, name, sum(events)::int AS events, sum(sessions)::int AS sessions,
                row_number() OVER (PARTITION BY type ORDER BY sum(events) DESC, name) AS rank
           FROM usage_daily
          WHERE organization_id = $1 AND day BETWEEN $2 AND $3 AND type <> $4 AND name <> $4
            AND ($5::varchar IS NULL OR type = $5)
          GROUP BY type, name) ranked
        WHERE rank <= $6 ORDER BY type DESC, events DESC, name`,
      [organizationId, from, to, ALL, type, limit],
    );
  }

  /** Events and sessions by browser family over the range, for all types or `type`. */
  browsers(organizationId: string, from: string, to: string, type: string | null): Promise<UsageBrowserRow[]> {
    return this.query(
      `SELECT browser, sum(events)::int AS events, sum(sessions)::int AS sessions
         FROM usage_daily
        WHERE organization_id = $1 AND day BETWEEN $2 AND $3 AND type = COALESCE($4::varchar, $5) AND name = $5
        GROUP BY browser ORDER BY events DESC, browser`,
      [organizationId, from, to, type, ALL],
    );
  }
}
