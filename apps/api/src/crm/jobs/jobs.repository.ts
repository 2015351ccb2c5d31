import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { deleteBatch } from '../../database/batch-delete.js';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import type { JobPriority, JobStatus } from '../crm.types.js';
import { JobEntity } from '../entities/job.entity.js';
import { applyKeyset, keysetPage, type ListSort } from '../keyset.repository.js';

export type JobValues = Omit<JobEntity, 'organizationId' | 'createdAt' | 'updatedAt' | 'version' | 'client'>;

export interface JobFilters {
  branchScope?: string[];
  statuses?: JobStatus[];
  priorities?: JobPriority[];
  clientId?: string;
  assigneeId?: string;
  branchId?: string;
  /** Only jobs changed at or after it (incremental sync). */
  updatedSince?: Date;
}

/** Every query is scoped to one organization (and, for managers and agents, their branches). */
const MOVE_IF_VERSION =
  'UPDATE "jobs" SET "status" = $1, "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP ' +
  'WHERE ("organization_id" = $2 AND "id" = $3 AND "version" = $4)';
const MOVE_AND_COMPLETE_IF_VERSION =
  'UPDATE "jobs" SET "status" = $1, "completed_at" = $2, "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP ' +
  'WHERE ("organization_id" = $3 AND "id" = $4 AND "version" = $5)';

@Injectable()
export class JobsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private jobs(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(JobEntity);
  }

  async insert(organizationId: string, values: JobValues, tx: Transaction): Promise<JobEntity> {
    return insertEntity(this.jobs(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<JobEntity | null> {
    return findInOrganization(this.jobs(tx), organizationId, id);
  }

  private filtered(organizationId: string, filters: JobFilters) {
    const query = this.jobs().createQueryBuilder('j').where('j.organization_id = :organizationId', { organizationId });
    if (filters.branchScope) query.andWhere('j.branch_id = ANY(:scope::uuid[])', { scope: filters.branchScope });
    if (filters.statuses?.length) query.andWhere('j.status::text = ANY(:statuses)', { statuses: filters.statuses });
    if (filters.priorities?.length) {
      query.andWhere('j.priority::text = ANY(:priorities)', { priorities: filters.priorities });
    }
    if (filters.clientId) query.andWhere('j.client_id = :clientId', { clientId: filters.clientId });
    // `@>` on the array uses the GIN index IDX_jobs_assignees.
    if (filters.assigneeId) {
      query.andWhere('j.assigned_user_ids @> ARRAY[:assigneeId]::uuid[]', { assigneeId: filters.assigneeId });
    }
    if (filters.branchId) query.andWhere('j.branch_id = :branchId', { branchId: filters.branchId });
    return query;
  }

  page(organizationId: string, filters: JobFilters, sort: ListSort, cursor: string | undefined, limit: number) {
    const query = this.filtered(organizationId, filters);
    return keysetPage(applyKeyset(query, 'j', sort, cursor, limit, filters.updatedSince), sort, limit);
  }

  async countByStatus(organizationId: string, filters: JobFilters): Promise<Map<JobStatus, number>> {
    const rows: Array<{ status: JobStatus; count: string }> = await this.filtered(organizationId, filters)
      .select('j.status', 'status')
      .addSelect('count(*)', 'count')
      .groupBy('j.status')
      .getRawMany();
    return new Map(rows.map((row) => [row.status, Number(row.count)]));
  }

  newest(organizationId: string, filters: JobFilters, limit: number): Promise<JobEntity[]> {
    return this.filtered(organizationId, filters)
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Applies the patch only if the row is still at `version`; false when it is not (or absent). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<JobValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.jobs(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  /**
   * A person's move along the workflow, guarded by the version read (stale: false). The text
   * `updateIfVersion` builds for this patch, written out once: every status change sends it.
   */
  async moveIfVersion(
    organizationId: string,
    id: string,
    version: number,
    status: JobStatus,
    completedAt: Date | null,
    tx: Transaction,
  ): Promise<boolean> {
    const [, affected] = await tx.manager.query(
      completedAt ? MOVE_AND_COMPLETE_IF_VERSION : MOVE_IF_VERSION,
      completedAt ? [status, completedAt, organizationId, id, version] : [status, organizationId, id, version],
    );
    return Number(affected ?? 0) === 1;
  }

  /** Moves the job only if it is still in `from` (a concurrent change wins); true when it moved. */
  async moveStatusIf(organizationId: string, id: string, from: JobStatus, to: JobStatus, tx: Transaction) {
    const result = await this.jobs(tx).update(
      { organizationId, id, status: from },
      { status: to, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  /** Deletes the job only while it is in one of `statuses` (checked by the DELETE itself: no race). */
  async deleteIfStatus(
    organizationId: string,
    id: string,
    statuses: readonly JobStatus[],
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.jobs(tx).delete({ organizationId, id, status: In([...statuses]) });
    return (result.affected ?? 0) === 1;
  }

  listForClient(organizationId: string, clientId: string): Promise<JobEntity[]> {
    return this.jobs().find({ where: { organizationId, clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  countForClient(organizationId: string, clientId: string): Promise<number> {
    return this.jobs().countBy({ organizationId, clientId });
  }

  /** Up to `limit` of a client's jobs (one erasure step). */
  deleteForClient(organizationId: string, clientId: string, limit: number, tx: Transaction): Promise<number> {
    return deleteBatch(tx, 'jobs', 'organization_id = $1 AND client_id = $2', [organizationId, clientId], limit);
  }
}
