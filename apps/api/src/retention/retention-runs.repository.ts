import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { RetentionReceiptEntity } from './entities/retention-receipt.entity.js';
import { RetentionRunEntity } from './entities/retention-run.entity.js';
import type { RetentionPurged } from './retention.types.js';

const UNIQUE_VIOLATION = '23505';

/** A run and its receipt for one organization, as the organization may see them. */
export interface RunForOrganization {
  run: RetentionRunEntity;
  purged: Record<string, number>;
  held: number;
}

@Injectable()
export class RetentionRunsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private runs(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(RetentionRunEntity);
  }

  findRunning(rule: string): Promise<RetentionRunEntity | null> {
    return this.runs().findOne({ where: { rule, status: 'running' } });
  }

  find(id: string, tx?: Transaction): Promise<RetentionRunEntity | null> {
    return this.runs(tx).findOne({ where: { id } });
  }

  /** Starts a run, or answers null when another run of the rule is running (the unique index says so). */
  async start(run: Omit<RetentionRunEntity, 'id'>, held: Array<{ organizationId: string; held: number }>) {
    try {
      return await this.transactions.run(async (tx) => {
        const saved = await this.runs(tx).save(this.runs(tx).create(run));
        for (const entry of held) {
          await tx.manager.query(
            `INSERT INTO retention_receipts (run_id, organization_id, purged, held, created_at)
             VALUES ($1, $2, '{}', $3, $4)`,
            [saved.id, entry.organizationId, entry.held, run.startedAt],
          );
        }
        return saved;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  /** Takes over a run whose worker went silent before `staleBefore`; null when it is alive. */
  async takeOver(id: string, staleBefore: Date, now: Date): Promise<RetentionRunEntity | null> {
    const [rows]: [Array<{ id: string }>, number] = await this.transactions
      .managerOf()
      .query(
        `UPDATE retention_runs SET heartbeat_at = $3 WHERE id = $1 AND status = 'running' AND heartbeat_at < $2 RETURNING id`,
        [id, staleBefore, now],
      );
    return rows.length ? this.find(id) : null;
  }

  /** Counts one batch into the run and its receipts, in the batch's transaction. */
  async recordBatch(runId: string, purged: RetentionPurged[], now: Date, tx: Transaction): Promise<void> {
    for (const { organizationId, category, count } of purged) {
      await tx.manager.query(
        `UPDATE retention_runs
            SET purged = purged || jsonb_build_object($2::text, COALESCE((purged->>$2)::int, 0) + $3)
          WHERE id = $1`,
        [runId, category, count],
      );
      if (!organizationId) continue;
      await tx.manager.query(
        `INSERT INTO retention_receipts AS r (run_id, organization_id, purged, held, created_at)
         VALUES ($1, $2, jsonb_build_object($3::text, $4::int), 0, $5)
         ON CONFLICT (run_id, organization_id) DO UPDATE
           SET purged = r.purged || jsonb_build_object($3::text, COALESCE((r.purged->>$3)::int, 0) + $4)`,
        [runId, organizationId, category, count, now],
      );
    }
    await tx.manager.query('UPDATE retention_runs SET batches = batches + 1, heartbeat_at = $2 WHERE id = $1', [
      runId,
      now,
    ]);
  }

  /**
   * Locks a running run's row for `tx`: the batches of one run go one after the other, however
   * many workers continue it (a job's retry beside the job of the run that took it over). False
   * once the run is no longer running: a batch must then not start.
   */
  async lockRunning(runId: string, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(
      `SELECT 1 FROM retention_runs WHERE id = $1 AND status = 'running' FOR UPDATE`,
      [runId],
    );
    return rows.length > 0;
  }

  /** Ends a running run; false when another worker ended it first (its receipt is written, once). */
  async finish(
    runId: string,
    status: 'completed' | 'failed',
    now: Date,
    error: string | null,
    tx: Transaction,
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await tx.manager.query(
      `UPDATE retention_runs SET status = $2, finished_at = $3, heartbeat_at = $3, error = $4
        WHERE id = $1 AND status = 'running'`,
      [runId, status, now, error],
    );
    return affected === 1;
  }

  receiptsOf(runId: string, tx?: Transaction): Promise<RetentionReceiptEntity[]> {
    return this.transactions.managerOf(tx).getRepository(RetentionReceiptEntity).find({ where: { runId } });
  }

  /** The organization's on-demand runs and every scheduled run, with its own receipt's counts (zero without one). */
  async listForOrganization(
    organizationId: string,
    filter: { rule?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: RunForOrganization[]; total: number }> {
    const where = `(run.organization_id = $1 OR run.organization_id IS NULL)${filter.rule ? ' AND run.rule = $2' : ''}`;
    const params: unknown[] = filter.rule ? [organizationId, filter.rule] : [organizationId];
    const manager = this.transactions.managerOf();
    const from = `FROM retention_runs run
      LEFT JOIN retention_receipts receipt ON receipt.run_id = run.id AND receipt.organization_id = $1`;
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total ${from} WHERE ${where}`, params);
    const rows: Array<{ id: string; purged: Record<string, number> | null; held: number | null }> = await manager.query(
      `SELECT run.id, receipt.purged, receipt.held ${from} WHERE ${where}
        ORDER BY run.started_at DESC, run.id DESC OFFSET ${Number(offset)} LIMIT ${Number(limit)}`,
      params,
    );
    const runs = await this.runs().findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(runs.map((run) => [run.id, run]));
    return {
      total,
      items: rows.map((row) => ({
        run: byId.get(row.id) as RetentionRunEntity,
        purged: row.purged ?? {},
        held: row.held ?? 0,
      })),
    };
  }

  async findForOrganization(organizationId: string, id: string): Promise<RunForOrganization | null> {
    const run = await this.find(id);
    if (!run) return null;
    const receipt = await this.transactions
      .managerOf()
      .getRepository(RetentionReceiptEntity)
      .findOne({ where: { runId: id, organizationId } });
    if (run.organizationId !== null && run.organizationId !== organizationId) return null;
    return { run, purged: receipt?.purged ?? {}, held: receipt?.held ?? 0 };
  }
}
