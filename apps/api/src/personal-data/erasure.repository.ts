import { Injectable } from '@nestjs/common';
import type { ErasureMode, ErasureStep } from '#personal-data';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { ErasureEntity, ErasureReceiptEntity } from './entities/erasure.entity.js';

export type NewErasure = Pick<ErasureEntity, 'organizationId' | 'id' | 'subjectKind' | 'subjectId' | 'requestedAt'>;

/** Erasures and their per-category receipts: the pipeline's memory across retries and crashes. */
@Injectable()
export class ErasureRepository {
  constructor(private readonly transactions: TransactionService) {}

  private erasures(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ErasureEntity);
  }

  private receipts(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ErasureReceiptEntity);
  }

  async insert(values: NewErasure, tx: Transaction): Promise<void> {
    await this.erasures(tx).insert(values);
  }

  find(organizationId: string, id: string): Promise<ErasureEntity | null> {
    return this.erasures().findOneBy({ organizationId, id });
  }

  /** A subject's erasures, oldest first (ids are no personal data: they outlive the erasure). */
  listForSubject(organizationId: string, subjectKind: string, subjectId: string): Promise<ErasureEntity[]> {
    return this.erasures().find({
      where: { organizationId, subjectKind: subjectKind as ErasureEntity['subjectKind'], subjectId },
      order: { requestedAt: 'ASC' },
    });
  }

  listReceipts(organizationId: string, erasureId: string): Promise<ErasureReceiptEntity[]> {
    return this.receipts().find({ where: { organizationId, erasureId }, order: { completedAt: 'ASC' } });
  }

  /**
   * Adds one step's counts to the category's receipt (created on the first step), and closes
   * it when the category is done; in the step's transaction, so counts and rows agree.
   */
  async addStep(
    organizationId: string,
    erasureId: string,
    category: string,
    step: ErasureStep,
    completedAt: Date | null,
    tx: Transaction,
  ): Promise<void> {
    const mode: ErasureMode = step.mode;
    await tx.manager.query(
      `INSERT INTO erasure_receipts
         (organization_id, erasure_id, category, mode, affected, retained_records, retained_reason, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organization_id, erasure_id, category) DO UPDATE SET
         mode = CASE WHEN erasure_receipts.mode = 'deidentify' THEN 'deidentify' ELSE EXCLUDED.mode END,
         affected = erasure_receipts.affected + EXCLUDED.affected,
         retained_records = COALESCE(EXCLUDED.retained_records, erasure_receipts.retained_records),
         retained_reason = COALESCE(EXCLUDED.retained_reason, erasure_receipts.retained_reason),
         completed_at = EXCLUDED.completed_at`,
      [
        organizationId,
        erasureId,
        category,
        mode,
        step.affected,
        step.retained?.records ?? null,
        step.retained?.reason ?? null,
        completedAt,
      ],
    );
  }

  /** Marks the erasure as waiting for a legal hold; true when it was not waiting yet. */
  async markHeld(organizationId: string, id: string, at: Date | null): Promise<boolean> {
    const [, affected] = await this.transactions.managerOf().query(
      `UPDATE erasures SET held_at = $3 WHERE organization_id = $1 AND id = $2
            AND completed_at IS NULL AND (held_at IS NULL) = ($3::timestamptz IS NOT NULL)`,
      [organizationId, id, at],
    );
    return Number(affected) === 1;
  }

  /** The organization's unfinished erasures that wait for a legal hold. */
  listHeld(organizationId: string, tx?: Transaction): Promise<ErasureEntity[]> {
    return this.erasures(tx)
      .createQueryBuilder('erasure')
      .where('erasure.organization_id = :organizationId', { organizationId })
      .andWhere('erasure.held_at IS NOT NULL AND erasure.completed_at IS NULL')
      .getMany();
  }

  async markKeyDestroyed(organizationId: string, id: string, at: Date): Promise<void> {
    await this.erasures().update({ organizationId, id }, { keyDestroyedAt: at });
  }

  /** Closes the erasure once; false when another attempt already did. */
  async complete(organizationId: string, id: string, at: Date, tx: Transaction): Promise<boolean> {
    const [, affected] = await tx.manager.query(
      'UPDATE erasures SET completed_at = $3 WHERE organization_id = $1 AND id = $2 AND completed_at IS NULL',
      [organizationId, id, at],
    );
    return Number(affected) === 1;
  }
}
