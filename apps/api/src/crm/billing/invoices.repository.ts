import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import type { InvoiceStatus } from '../crm.types.js';
import { InvoiceEntity, type MailOutcome, PaymentEntity } from '../entities/invoice.entity.js';
import { applyKeyset, keysetPage, type ListSort } from '../keyset.repository.js';

export type InvoiceValues = Omit<
  InvoiceEntity,
  | 'organizationId'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'client'
  | 'job'
  | 'deidentifiedAt'
  | 'emailedAt'
  | 'emailDelivery'
>;

export type PaymentValues = Pick<
  PaymentEntity,
  'invoiceId' | 'amountMinor' | 'paidOn' | 'method' | 'reference' | 'recordedBy'
>;

export interface InvoiceFilters {
  branchScope?: string[];
  status?: InvoiceStatus;
  clientId?: string;
  jobId?: string;
  branchId?: string;
  /** Issued and due before this day. */
  overdueOn?: string;
  /** Only invoices of jobs assigned to this user. */
  assignedTo?: string;
  /** Only invoices changed at or after it (incremental sync; a payment changes its invoice). */
  updatedSince?: Date;
}

/** What one client owes and paid in one currency, in minor units (amounts of different currencies never add up). */
export interface ClientBalanceRow {
  currency: string;
  /** Issued and not yet paid in full. */
  openInvoices: number;
  outstandingMinor: number;
  overdueInvoices: number;
  overdueMinor: number;
  /** Every payment received, on invoices issued, paid or since voided. */
  paidMinor: number;
  paidInvoices: number;
  drafts: number;
}

export interface PolicyUsage {
  invoices: number;
  firstIssueDate: string | null;
  lastIssueDate: string | null;
}

/** Invoices and their payments; every query is scoped to one organization. */
@Injectable()
export class InvoicesRepository {
  constructor(private readonly transactions: TransactionService) {}

  private invoices(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(InvoiceEntity);
  }

  private payments(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(PaymentEntity);
  }

  async insert(organizationId: string, values: InvoiceValues, tx: Transaction): Promise<InvoiceEntity> {
    return insertEntity(this.invoices(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<InvoiceEntity | null> {
    return findInOrganization(this.invoices(tx), organizationId, id);
  }

  /** Reads the row and holds it until the transaction ends (payments must not race each other). */
  findLocked(organizationId: string, id: string, tx: Transaction): Promise<InvoiceEntity | null> {
    return this.invoices(tx)
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId AND i.id = :id', { organizationId, id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async page(
    organizationId: string,
    filters: InvoiceFilters,
    sort: ListSort,
    cursor: string | undefined,
    limit: number,
  ) {
    const query = this.invoices()
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId', { organizationId });
    if (filters.branchScope) query.andWhere('i.branch_id = ANY(:scope::uuid[])', { scope: filters.branchScope });
    if (filters.status) query.andWhere('i.status = :status', { status: filters.status });
    if (filters.clientId) query.andWhere('i.client_id = :clientId', { clientId: filters.clientId });
    if (filters.jobId) query.andWhere('i.job_id = :jobId', { jobId: filters.jobId });
    if (filters.assignedTo) {
      query.andWhere(
        `i.job_id IN (SELECT j.id FROM jobs j
                       WHERE j.organization_id = i.organization_id AND j.assigned_user_ids @> ARRAY[:assignedTo]::uuid[])`,
        { assignedTo: filters.assignedTo },
      );
    }
    if (filters.branchId) query.andWhere('i.branch_id = :branchId', { branchId: filters.branchId });
    if (filters.overdueOn) {
      query.andWhere("i.status = 'issued' AND i.due_date < :overdueOn::date", { overdueOn: filters.overdueOn });
    }
    return keysetPage(applyKeyset(query, 'i', sort, cursor, limit, filters.updatedSince), sort, limit);
  }

  /**
   * Sums of a client's invoices per currency, over the branches in `branchScope` (all when
   * undefined). Overdue: issued and due before `today`.
   */
  async balanceOfClient(
    organizationId: string,
    clientId: string,
    branchScope: string[] | undefined,
    today: string,
  ): Promise<ClientBalanceRow[]> {
    const rows: Array<Record<string, string | number>> = await this.transactions.managerOf().query(
      `SELECT currency,
              count(*) FILTER (WHERE status = 'issued')::int AS open_invoices,
              coalesce(sum(total_minor - paid_minor) FILTER (WHERE status = 'issued'), 0)::text AS outstanding,
              count(*) FILTER (WHERE status = 'issued' AND due_date < $3::date)::int AS overdue_invoices,
              coalesce(sum(total_minor - paid_minor) FILTER (WHERE status = 'issued' AND due_date < $3::date), 0)::text AS overdue,
              coalesce(sum(paid_minor) FILTER (WHERE status <> 'draft'), 0)::text AS paid,
              count(*) FILTER (WHERE status = 'paid')::int AS paid_invoices,
              count(*) FILTER (WHERE status = 'draft')::int AS drafts
         FROM invoices
        WHERE organization_id = $1 AND client_id = $2 AND ($4::uuid[] IS NULL OR branch_id = ANY($4::uuid[]))
        GROUP BY currency
        ORDER BY currency`,
      [organizationId, clientId, today, branchScope ?? null],
    );
    return rows.map((row) => ({
      currency: String(row.currency),
      openInvoices: Number(row.open_invoices),
      outstandingMinor: Number(row.outstanding),
      overdueInvoices: Number(row.overdue_invoices),
      overdueMinor: Number(row.overdue),
      paidMinor: Number(row.paid),
      paidInvoices: Number(row.paid_invoices),
      drafts: Number(row.drafts),
    }));
  }

  /** Applies the patch only if the row is still at `version`; false when it is not (or absent). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<InvoiceValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.invoices(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  /** For a row already locked by findLocked. */
  async update(organizationId: string, id: string, patch: Partial<InvoiceValues>, tx: Transaction): Promise<void> {
    await this.invoices(tx).update({ organizationId, id }, { ...patch, version: () => 'version + 1' });
  }

  /** The invoice was emailed now, with this outcome (a change of the record: its version moves on). */
  async recordEmailed(
    organizationId: string,
    id: string,
    at: Date,
    delivery: MailOutcome,
    tx: Transaction,
  ): Promise<void> {
    await this.invoices(tx).update({ organizationId, id }, { emailedAt: at, emailDelivery: delivery });
  }

  /** Only a draft goes; false when the invoice is gone or no longer a draft. */
  async deleteDraft(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.invoices(tx).delete({ organizationId, id, status: 'draft' })).affected ?? 0) === 1;
  }

  /** Invoices past draft that were computed with the policy: they are the legal record of its use. */
  async policyUsage(organizationId: string, taxPolicyId: string, tx?: Transaction): Promise<PolicyUsage> {
    const [row] = await this.transactions.managerOf(tx).query(
      `SELECT count(*)::int AS invoices, min(issue_date)::text AS first, max(issue_date)::text AS last
         FROM invoices
        WHERE organization_id = $1 AND tax_policy_id = $2 AND status <> 'draft'`,
      [organizationId, taxPolicyId],
    );
    return { invoices: row.invoices, firstIssueDate: row.first, lastIssueDate: row.last };
  }

  /** Drafts only carry the policy as a preview; they are recomputed when issued. */
  async forgetPolicyOnDrafts(organizationId: string, taxPolicyId: string, tx: Transaction): Promise<void> {
    await this.invoices(tx).update({ organizationId, taxPolicyId, status: 'draft' }, { taxPolicyId: null });
  }

  async insertPayment(organizationId: string, values: PaymentValues, tx: Transaction): Promise<PaymentEntity> {
    return insertEntity(this.payments(tx), { ...values, organizationId });
  }

  listPayments(organizationId: string, invoiceIds: string[]): Promise<PaymentEntity[]> {
    if (invoiceIds.length === 0) return Promise.resolve([]);
    return this.payments().find({
      where: { organizationId, invoiceId: In(invoiceIds) },
      order: { paidOn: 'ASC', createdAt: 'ASC' },
    });
  }

  // Data-subject requests and retention.

  listForClient(organizationId: string, clientId: string): Promise<InvoiceEntity[]> {
    return this.invoices().find({ where: { organizationId, clientId }, order: { number: 'ASC' } });
  }

  countForClient(organizationId: string, clientId: string): Promise<number> {
    return this.invoices().countBy({ organizationId, clientId });
  }

  /** Shreds who the invoices were for and keeps what was sold and paid (the legal record). */
  /** Up to `limit` of the client's invoices lose their bill-to copy (one erasure step). */
  async deidentifyForClient(
    organizationId: string,
    clientId: string,
    at: Date,
    limit: number,
    tx: Transaction,
  ): Promise<number> {
    const [, affected] = await tx.manager.query(
      `UPDATE invoices SET bill_to_enc = NULL, deidentified_at = $3 WHERE id IN
         (SELECT id FROM invoices WHERE organization_id = $1 AND client_id = $2 AND deidentified_at IS NULL LIMIT $4)`,
      [organizationId, clientId, at, limit],
    );
    return Number(affected ?? 0);
  }
}
