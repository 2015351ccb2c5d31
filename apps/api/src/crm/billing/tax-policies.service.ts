import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { updatedSinceOf } from '../../common/pagination.dto.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService, type ActivityView, changedFields } from '../activity.service.js';
import type { PricingMode } from '../crm.types.js';
import {
  assertBranchWritable,
  type CrmActor,
  canSeeBranch,
  crmActor,
  recordNotFound,
  staleRecord,
} from '../crm-access.js';
import type { TaxPolicyEntity, TaxRate } from '../entities/tax-policy.entity.js';
import { StaffDirectory } from '../staff-directory.js';
import { today } from './calendar-date.js';
import { InvoicesRepository } from './invoices.repository.js';
import type {
  TaxPolicyCreateDto,
  TaxPolicyEffectiveQueryDto,
  TaxPolicyListQueryDto,
  TaxPolicyUpdateDto,
} from './tax-policies.dto.js';
import { TaxPoliciesRepository, type TaxPolicyValues } from './tax-policies.repository.js';

export interface TaxPolicyView {
  id: string;
  name: string;
  branchId: string | null;
  pricing: PricingMode;
  rates: TaxRate[];
  effectiveFrom: string;
  effectiveTo: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/**
 * Tax policies: the rates an invoice applies, per branch or for the whole organization,
 * each valid for a span of days. Two policies of the same scope never share a day, so
 * exactly one (or none) applies to an invoice date.
 */
@Injectable()
export class TaxPoliciesService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly policies: TaxPoliciesRepository,
    private readonly invoices: InvoicesRepository,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, query: TaxPolicyListQueryDto): Promise<TaxPolicyView[]> {
    const actor = crmActor(caller);
    const rows = await this.policies.list(actor.organizationId, {
      branchScope: actor.branchScope,
      branchId: query.branchId,
      at: query.at,
      updatedSince: updatedSinceOf(query),
    });
    return rows.map(toView);
  }

  async get(caller: Caller, id: string): Promise<TaxPolicyView> {
    return toView(await this.visible(crmActor(caller), id));
  }

  /** The policy an invoice of the branch dated `date` uses; 404 when there is none. */
  async effective(caller: Caller, query: TaxPolicyEffectiveQueryDto): Promise<TaxPolicyView> {
    const actor = crmActor(caller);
    const date = query.date ?? today(this.clock.now());
    if (query.branchId) {
      if (!canSeeBranch(actor, query.branchId)) throw recordNotFound('branch');
      await this.staff.assertBranch(actor.organizationId, query.branchId);
    }
    const policy = await this.findEffective(actor.organizationId, query.branchId ?? null, date);
    if (!policy) throw noPolicyInEffect(date, query.branchId ?? null);
    return toView(policy);
  }

  /** For invoices: the branch's policy on `date`, else the organization's. */
  findEffective(organizationId: string, branchId: string | null, date: string): Promise<TaxPolicyEntity | null> {
    return this.policies.findEffective(organizationId, branchId, date);
  }

  async create(caller: Caller, input: TaxPolicyCreateDto): Promise<TaxPolicyView> {
    const actor = crmActor(caller);
    const branchId = input.branchId ?? null;
    if (branchId) {
      assertBranchWritable(actor, branchId);
      await this.staff.assertBranch(actor.organizationId, branchId);
    }
    const values: TaxPolicyValues = {
      name: input.name.trim(),
      branchId,
      pricing: input.pricing,
      rates: input.rates.map(({ code, name, basisPoints }) => ({ code, name: name.trim(), basisPoints })),
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
    };
    assertCoherent(values);
    const saved = await this.transactions.run(async (tx) => {
      await this.policies.lockOrganization(actor.organizationId, tx);
      await this.assertNoOverlap(actor.organizationId, values, null, tx);
      const policy = await this.policies.insert(actor.organizationId, values, tx);
      await this.activity.record(tx, actor, 'tax_policy', policy.id, 'created');
      return policy;
    });
    return toView(saved);
  }

  async update(caller: Caller, id: string, patch: TaxPolicyUpdateDto): Promise<TaxPolicyView> {
    const actor = crmActor(caller);
    const policy = await this.visible(actor, id);
    if (patch.branchId) {
      assertBranchWritable(actor, patch.branchId);
      await this.staff.assertBranch(actor.organizationId, patch.branchId);
    }
    const next: TaxPolicyValues = {
      name: patch.name?.trim() ?? policy.name,
      branchId: patch.branchId === undefined ? policy.branchId : patch.branchId,
      pricing: patch.pricing ?? policy.pricing,
      rates:
        patch.rates?.map(({ code, name, basisPoints }) => ({ code, name: name.trim(), basisPoints })) ?? policy.rates,
      effectiveFrom: patch.effectiveFrom ?? policy.effectiveFrom,
      effectiveTo: patch.effectiveTo === undefined ? policy.effectiveTo : patch.effectiveTo,
    };
    assertCoherent(next);
    const values: Partial<TaxPolicyValues> = {
      ...(patch.name !== undefined ? { name: next.name } : {}),
      ...(patch.branchId !== undefined ? { branchId: next.branchId } : {}),
      ...(patch.pricing !== undefined ? { pricing: next.pricing } : {}),
      ...(patch.rates !== undefined ? { rates: next.rates } : {}),
      ...(patch.effectiveFrom !== undefined ? { effectiveFrom: next.effectiveFrom } : {}),
      ...(patch.effectiveTo !== undefined ? { effectiveTo: next.effectiveTo } : {}),
    };
    await this.transactions.run(async (tx) => {
      await this.policies.lockOrganization(actor.organizationId, tx);
      await this.assertStillTrueToInvoices(actor.organizationId, policy, next, tx);
      await this.assertNoOverlap(actor.organizationId, next, id, tx);
      if (!(await this.policies.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'tax_policy', id, 'updated', changedFields(patch));
    });
    return this.get(caller, id);
  }

  /** Refused once an issued invoice used the policy: the invoice must keep pointing at what it applied. */
  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    await this.visible(actor, id);
    await this.transactions.run(async (tx) => {
      await this.policies.lockOrganization(actor.organizationId, tx);
      const usage = await this.invoices.policyUsage(actor.organizationId, id, tx);
      if (usage.invoices > 0) {
        throw new AppError(
          'conflict',
          `${usage.invoices} issued invoice(s) used this tax policy, so it is kept; set its last day (effectiveTo) instead`,
        );
      }
      await this.invoices.forgetPolicyOnDrafts(actor.organizationId, id, tx);
      if (!(await this.policies.delete(actor.organizationId, id, tx))) throw recordNotFound('tax policy');
      await this.activity.record(tx, actor, 'tax_policy', id, 'deleted');
    });
  }

  async activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    const actor = crmActor(caller);
    await this.visible(actor, id);
    return this.activity.forRecord(actor.organizationId, 'tax_policy', id);
  }

  /** Managers and agents see the organization's policies and their branches'; 404 otherwise. */
  private async visible(actor: CrmActor, id: string): Promise<TaxPolicyEntity> {
    const policy = await this.policies.find(actor.organizationId, id);
    if (!policy || (policy.branchId !== null && !canSeeBranch(actor, policy.branchId))) {
      throw recordNotFound('tax policy');
    }
    return policy;
  }

  private async assertNoOverlap(
    organizationId: string,
    values: TaxPolicyValues,
    exceptId: string | null,
    tx: Transaction,
  ): Promise<void> {
    const overlapping = await this.policies.findOverlapping(
      organizationId,
      values.branchId,
      values.effectiveFrom,
      values.effectiveTo,
      exceptId,
      tx,
    );
    if (overlapping.length > 0) {
      const other = overlapping[0];
      const scope = values.branchId ? 'this branch' : 'the whole organization';
      throw new AppError(
        'conflict',
        `"${other.name}" already applies to ${scope} from ${other.effectiveFrom} ${
          other.effectiveTo ? `to ${other.effectiveTo}` : 'with no end'
        }; one policy per day: end it before this one starts`,
        { conflictingPolicyId: other.id },
      );
    }
  }

  /**
   * Invoices issued with the policy keep pointing at it: its rates, pricing and branch stay
   * as they were applied, and its days keep covering their invoice dates. Only drafts
   * (recomputed when issued) may see a change.
   */
  private async assertStillTrueToInvoices(
    organizationId: string,
    current: TaxPolicyEntity,
    next: TaxPolicyValues,
    tx: Transaction,
  ): Promise<void> {
    const usage = await this.invoices.policyUsage(organizationId, current.id, tx);
    if (usage.invoices === 0) return;
    const ratesChanged = JSON.stringify(next.rates) !== JSON.stringify(current.rates);
    if (ratesChanged || next.pricing !== current.pricing || next.branchId !== current.branchId) {
      throw new AppError(
        'conflict',
        'Issued invoices used this tax policy, so its rates, pricing and branch are fixed; ' +
          'end it (effectiveTo) and add a new policy from the day the change applies',
      );
    }
    const first = usage.firstIssueDate;
    const last = usage.lastIssueDate;
    if ((first && next.effectiveFrom > first) || (last && next.effectiveTo !== null && next.effectiveTo < last)) {
      throw new AppError(
        'conflict',
        `Issued invoices dated ${first} to ${last} used this tax policy; its days must still cover them`,
      );
    }
  }
}

export const noPolicyInEffect = (date: string, branchId: string | null) =>
  new AppError(
    'not-found',
    branchId
      ? `No tax policy is in effect on ${date} for this branch or the whole organization; an owner or admin can add one under tax policies`
      : `No organization-wide tax policy is in effect on ${date}; an owner or admin can add one under tax policies`,
  );

function assertCoherent(values: TaxPolicyValues): void {
  if (values.effectiveTo !== null && values.effectiveTo < values.effectiveFrom) {
    throw invalid('effectiveTo', 'effectiveTo must be on or after effectiveFrom');
  }
  const seen = new Set<string>();
  values.rates.forEach((rate, index) => {
    if (seen.has(rate.code)) throw invalid(`rates[${index}].code`, `code ${rate.code} appears twice in this policy`);
    seen.add(rate.code);
  });
}

const toView = (policy: TaxPolicyEntity): TaxPolicyView => ({
  id: policy.id,
  name: policy.name,
  branchId: policy.branchId,
  pricing: policy.pricing,
  rates: policy.rates,
  effectiveFrom: policy.effectiveFrom,
  effectiveTo: policy.effectiveTo,
  createdAt: policy.createdAt,
  updatedAt: policy.updatedAt,
  version: policy.version,
});
