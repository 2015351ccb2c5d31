import { Injectable } from '@nestjs/common';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { TaxPolicyEntity } from '../entities/tax-policy.entity.js';

export type TaxPolicyValues = Pick<
  TaxPolicyEntity,
  'branchId' | 'name' | 'pricing' | 'rates' | 'effectiveFrom' | 'effectiveTo'
>;

export interface TaxPolicyFilters {
  /** Managers and agents: organization-wide policies and their branches' only. */
  branchScope?: string[];
  branchId?: string;
  /** Only policies in effect on this day. */
  at?: string;
  /** Only policies changed at or after it (incremental sync), oldest change first. */
  updatedSince?: Date;
}

/** Tax policies, always of one organization. */
@Injectable()
export class TaxPoliciesRepository {
  constructor(private readonly transactions: TransactionService) {}

  private policies(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(TaxPolicyEntity);
  }

  /**
   * Serialises changes of one organization's policies until the transaction ends, so two
   * overlapping policies cannot both pass the overlap check.
   */
  async lockOrganization(organizationId: string, tx: Transaction): Promise<void> {
    await tx.manager.query("SELECT pg_advisory_xact_lock(hashtextextended('tax_policies:' || $1, 0))", [
      organizationId,
    ]);
  }

  async insert(organizationId: string, values: TaxPolicyValues, tx: Transaction): Promise<TaxPolicyEntity> {
    return insertEntity(this.policies(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<TaxPolicyEntity | null> {
    return findInOrganization(this.policies(tx), organizationId, id);
  }

  list(organizationId: string, filters: TaxPolicyFilters): Promise<TaxPolicyEntity[]> {
    const query = this.policies()
      .createQueryBuilder('p')
      .where('p.organization_id = :organizationId', { organizationId });
    if (filters.branchScope) {
      query.andWhere('(p.branch_id IS NULL OR p.branch_id = ANY(:scope::uuid[]))', { scope: filters.branchScope });
    }
    if (filters.branchId) query.andWhere('p.branch_id = :branchId', { branchId: filters.branchId });
    if (filters.at) {
      query.andWhere('p.effective_from <= :at::date AND (p.effective_to IS NULL OR p.effective_to >= :at::date)', {
        at: filters.at,
      });
    }
    if (filters.updatedSince) {
      query
        .andWhere('p.updated_at >= :updatedSince', { updatedSince: filters.updatedSince })
        .orderBy('p.updated_at', 'ASC')
        .addOrderBy('p.id', 'ASC');
    } else {
      query
        .orderBy('p.branch_id', 'ASC', 'NULLS FIRST')
        .addOrderBy('p.effective_from', 'DESC')
        .addOrderBy('p.id', 'ASC');
    }
    return query.limit(500).getMany();
  }

  /** Policies of the same scope (a branch, or the whole organization) whose days meet [from, to]. */
  findOverlapping(
    organizationId: string,
    branchId: string | null,
    from: string,
    to: string | null,
    exceptId: string | null,
    tx: Transaction,
  ): Promise<TaxPolicyEntity[]> {
    const query = this.policies(tx)
      .createQueryBuilder('p')
      .where('p.organization_id = :organizationId', { organizationId })
      .andWhere('p.branch_id IS NOT DISTINCT FROM :branchId::uuid', { branchId })
      .andWhere("p.effective_from <= COALESCE(:to::date, 'infinity'::date)", { to })
      .andWhere("COALESCE(p.effective_to, 'infinity'::date) >= :from::date", { from });
    if (exceptId) query.andWhere('p.id <> :exceptId', { exceptId });
    return query.getMany();
  }

  /** The branch's policy in effect on `date`, else the organization-wide one; null when neither. */
  async findEffective(organizationId: string, branchId: string | null, date: string): Promise<TaxPolicyEntity | null> {
    return (
      this.policies()
        .createQueryBuilder('p')
        .where('p.organization_id = :organizationId', { organizationId })
        .andWhere('(p.branch_id IS NULL OR p.branch_id = :branchId::uuid)', { branchId })
        // Not `:date`: TypeORM would also replace it inside the `::date` casts.
        .andWhere('p.effective_from <= :day::date AND (p.effective_to IS NULL OR p.effective_to >= :day::date)', {
          day: date,
        })
        .orderBy('p.branch_id', 'ASC', 'NULLS LAST')
        .limit(1)
        .getOne()
    );
  }

  /** Applies the patch only if the row is still at `version`; false when it is not (or absent). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<TaxPolicyValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.policies(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.policies(tx).delete({ organizationId, id })).affected ?? 0) === 1;
  }
}
