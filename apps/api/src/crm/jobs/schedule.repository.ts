import { Injectable } from '@nestjs/common';
import { deleteBatch } from '../../database/batch-delete.js';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { ScheduleEntryEntity } from '../entities/schedule-entry.entity.js';

export type ScheduleEntryValues = Omit<
  ScheduleEntryEntity,
  'organizationId' | 'createdAt' | 'updatedAt' | 'version' | 'client' | 'job'
>;

export interface ScheduleFilters {
  branchScope?: string[];
  assigneeId?: string;
  branchId?: string;
  jobId?: string;
  clientId?: string;
  /** Only entries changed at or after it (incremental sync within the window). */
  updatedSince?: Date;
}

export interface BookedSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** Every query is scoped to one organization, except the retention purge which runs for all of them. */
@Injectable()
export class ScheduleRepository {
  constructor(private readonly transactions: TransactionService) {}

  private entries(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ScheduleEntryEntity);
  }

  /**
   * Serializes bookings of one person: held until the transaction ends, so two concurrent
   * bookings cannot both see a free slot and both insert. Other people's bookings do not wait.
   */
  async lockCalendar(organizationId: string, assigneeId: string, tx: Transaction): Promise<void> {
    await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1::text || $2::text))', [
      organizationId,
      assigneeId,
    ]);
  }

  /** The assignee's non-cancelled entries overlapping [startsAt, endsAt), other than `exceptId`. */
  overlapping(
    organizationId: string,
    assigneeId: string,
    startsAt: Date,
    endsAt: Date,
    exceptId: string | null,
    tx: Transaction,
  ): Promise<BookedSlot[]> {
    const query = this.entries(tx)
      .createQueryBuilder('s')
      .select(['s.id', 's.startsAt', 's.endsAt'])
      .where('s.organization_id = :organizationId AND s.assignee_id = :assigneeId', { organizationId, assigneeId })
      .andWhere("s.status <> 'cancelled'")
      .andWhere('s.starts_at < :endsAt AND s.ends_at > :startsAt', { startsAt, endsAt });
    if (exceptId) query.andWhere('s.id <> :exceptId', { exceptId });
    return query.orderBy('s.starts_at', 'ASC').limit(20).getMany();
  }

  async insert(organizationId: string, values: ScheduleEntryValues, tx: Transaction): Promise<ScheduleEntryEntity> {
    return insertEntity(this.entries(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<ScheduleEntryEntity | null> {
    return findInOrganization(this.entries(tx), organizationId, id);
  }

  /** Entries overlapping [from, to), by start; one more than `limit` tells the caller it was cut. */
  window(organizationId: string, filters: ScheduleFilters, from: Date, to: Date, limit: number) {
    const query = this.entries()
      .createQueryBuilder('s')
      .where('s.organization_id = :organizationId', { organizationId })
      .andWhere('s.starts_at < :to AND s.ends_at > :from', { from, to });
    if (filters.branchScope) query.andWhere('s.branch_id = ANY(:scope::uuid[])', { scope: filters.branchScope });
    if (filters.assigneeId) query.andWhere('s.assignee_id = :assigneeId', { assigneeId: filters.assigneeId });
    if (filters.branchId) query.andWhere('s.branch_id = :branchId', { branchId: filters.branchId });
    if (filters.jobId) query.andWhere('s.job_id = :jobId', { jobId: filters.jobId });
    if (filters.clientId) query.andWhere('s.client_id = :clientId', { clientId: filters.clientId });
    if (filters.updatedSince) query.andWhere('s.updated_at >= :updatedSince', { updatedSince: filters.updatedSince });
    return query
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  /** Applies the patch only if the row is still at `version`; false when it is not (or absent). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<ScheduleEntryValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.entries(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.entries(tx).delete({ organizationId, id })).affected ?? 0) === 1;
  }

  listForClient(organizationId: string, clientId: string): Promise<ScheduleEntryEntity[]> {
    return this.entries().find({ where: { organizationId, clientId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  listForAssignee(organizationId: string, assigneeId: string): Promise<ScheduleEntryEntity[]> {
    return this.entries().find({ where: { organizationId, assigneeId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  countForClient(organizationId: string, clientId: string): Promise<number> {
    return this.entries().countBy({ organizationId, clientId });
  }

  countForAssignee(organizationId: string, assigneeId: string): Promise<number> {
    return this.entries().countBy({ organizationId, assigneeId });
  }

  /** Up to `limit` of a client's entries (one erasure step). */
  deleteForClient(organizationId: string, clientId: string, limit: number, tx: Transaction): Promise<number> {
    return deleteBatch(
      tx,
      'schedule_entries',
      'organization_id = $1 AND client_id = $2',
      [organizationId, clientId],
      limit,
    );
  }

  /** Up to `limit` of the assignee's entries that concern no client: internal appointments, sealed under their own key. */
  deleteInternalForAssignee(
    organizationId: string,
    assigneeId: string,
    limit: number,
    tx: Transaction,
  ): Promise<number> {
    return deleteBatch(
      tx,
      'schedule_entries',
      'organization_id = $1 AND assignee_id = $2 AND client_id IS NULL',
      [organizationId, assigneeId],
      limit,
    );
  }

  countClientVisitsForAssignee(organizationId: string, assigneeId: string, tx?: Transaction): Promise<number> {
    return this.entries(tx)
      .createQueryBuilder('s')
      .where('s.organization_id = :organizationId AND s.assignee_id = :assigneeId', { organizationId, assigneeId })
      .andWhere('s.client_id IS NOT NULL')
      .getCount();
  }
}
