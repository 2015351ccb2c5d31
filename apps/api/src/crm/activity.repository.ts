import { Injectable } from '@nestjs/common';
import { insertEntity } from '../database/insert-entity.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { ActivityEntity } from './entities/activity.entity.js';

export type NewActivity = Pick<
  ActivityEntity,
  'organizationId' | 'recordType' | 'recordId' | 'action' | 'fields' | 'actorKind' | 'actorId'
>;

@Injectable()
export class ActivityRepository {
  constructor(private readonly transactions: TransactionService) {}

  private activity(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ActivityEntity);
  }

  /** Every change writes one: `insertEntity` keeps the statement after the first. */
  async insert(entry: NewActivity, tx: Transaction): Promise<void> {
    await insertEntity(this.activity(tx), entry);
  }

  /**
   * Moves a party's "last activity" forward, never back (a call logged for last week must not
   * hide today's invoice). Plain SQL: it is not an edit of the record, so its version stays.
   */
  async touchParty(
    organizationId: string,
    table: 'clients' | 'contacts',
    id: string,
    at: Date,
    tx: Transaction,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE ${table} SET last_activity_at = GREATEST(COALESCE(last_activity_at, $3), $3) WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, at],
    );
  }

  /** Newest first. */
  listForRecord(organizationId: string, recordType: string, recordId: string, limit: number) {
    return this.activity().find({
      where: { organizationId, recordType, recordId },
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  listByActor(organizationId: string, actorId: string): Promise<ActivityEntity[]> {
    return this.activity().find({ where: { organizationId, actorId }, order: { at: 'ASC' } });
  }

  /** A staff member's erasure: their entries stay (the record's history), without them. */
  /** Up to `limit` of the actor's entries lose their author (one erasure step). */
  async forgetActor(organizationId: string, actorId: string, limit: number, tx: Transaction): Promise<number> {
    const [, affected] = await tx.manager.query(
      `UPDATE crm_activity SET actor_id = NULL WHERE id IN
         (SELECT id FROM crm_activity WHERE organization_id = $1 AND actor_id = $2 LIMIT $3)`,
      [organizationId, actorId, limit],
    );
    return Number(affected ?? 0);
  }

  /** The next job or invoice number of the organization (atomic; gap-free within committed work). */
  /** The activity of records a retention rule deleted (their log goes with them). */
  async deleteForRecords(recordType: string, recordIds: string[], tx: Transaction): Promise<void> {
    await tx.manager.query('DELETE FROM crm_activity WHERE record_type = $1 AND record_id = ANY($2::uuid[])', [
      recordType,
      recordIds,
    ]);
  }

  async nextNumber(organizationId: string, name: 'job' | 'invoice', tx: Transaction): Promise<number> {
    const rows: Array<{ value: number }> = await tx.manager.query(
      `INSERT INTO crm_counters (organization_id, name, value) VALUES ($1, $2, 1)
       ON CONFLICT (organization_id, name) DO UPDATE SET value = crm_counters.value + 1
       RETURNING value`,
      [organizationId, name],
    );
    return rows[0].value;
  }
}
