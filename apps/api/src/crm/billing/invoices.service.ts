import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { DEFAULT_PAGE_SIZE, syncSort, updatedSinceOf } from '../../common/pagination.dto.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService, type ActivityView, changedFields } from '../activity.service.js';
import {
  assertBranchWritable,
  type CrmActor,
  canSeeBranch,
  crmActor,
  recordNotFound,
  staleRecord,
} from '../crm-access.js';
import type { InvoiceEntity } from '../entities/invoice.entity.js';
import { JobsService } from '../jobs/jobs.service.js';
import { StaffDirectory } from '../staff-directory.js';
import { BillToCipher } from './bill-to-cipher.js';
import { BilledRecordsRepository } from './billed-records.repository.js';
import { addDays, today } from './calendar-date.js';
import { InvoiceAccess } from './invoice-access.js';
import { InvoicePricing, type Priced } from './invoice-pricing.service.js';
import { type InvoiceView, InvoiceViews, withQuantities } from './invoice-views.js';
import type {
  InvoiceCreateDto,
  InvoiceIssueDto,
  InvoiceListQueryDto,
  InvoiceQuoteDto,
  InvoiceUpdateDto,
  InvoiceVersionDto,
} from './invoices.dto.js';
import { InvoicesRepository, type InvoiceValues } from './invoices.repository.js';

/** Days between the issue date and the due date when none is given. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

function assertDateOrder(issueDate: string | null | undefined, dueDate: string | null | undefined): void {
  if (issueDate && dueDate && dueDate < issueDate) throw invalid('dueDate', 'dueDate must be on or after issueDate');
}

const totalsOf = ({
  policy,
  totals,
}: Priced): Pick<InvoiceValues, 'taxPolicyId' | 'pricing' | 'lines' | 'subtotalMinor' | 'taxMinor' | 'totalMinor'> => ({
  taxPolicyId: policy.id,
  pricing: policy.pricing,
  lines: totals.lines,
  subtotalMinor: String(totals.subtotalMinor),
  taxMinor: String(totals.taxMinor),
  totalMinor: String(totals.totalMinor),
});

/**
 * Invoices: drafts priced with the tax policy in effect (a preview), issued with the totals
 * frozen, paid through payments (see InvoicePaymentsService) or voided. Issued invoices are
 * never deleted: the law keeps them for 7 years.
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly invoices: InvoicesRepository,
    private readonly records: BilledRecordsRepository,
    private readonly pricing: InvoicePricing,
    private readonly views: InvoiceViews,
    private readonly billTo: BillToCipher,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly jobs: JobsService,
    private readonly access: InvoiceAccess,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: InvoiceCreateDto): Promise<InvoiceView> {
    const actor = crmActor(caller);
    const client = await this.records.findClient(actor.organizationId, input.clientId);
    if (!client || !canSeeBranch(actor, client.branchId)) throw invalid('clientId', 'no such client');
    if (client.restrictedAt) {
      throw new AppError(
        'conflict',
        'Processing of this client is restricted, so no new invoices can be made for them',
      );
    }
    const branchId = input.branchId ?? client.branchId;
    assertBranchWritable(actor, branchId);
    if (input.branchId) await this.staff.assertBranch(actor.organizationId, input.branchId);
    if (input.jobId) await this.assertJob(actor, input.jobId, client.id);
    assertDateOrder(input.issueDate, input.dueDate);
    const priced = await this.pricing.price(
      actor.organizationId,
      branchId,
      input.issueDate ?? today(this.clock.now()),
      input.lines,
    );
    // Sealed before the transaction opens: it must not wait on key lookups outside it.
    const billToEnc = await this.billTo.seal(client.id, await this.billTo.fromClient(client));
    const id = randomUUID();
    const saved = await this.transactions.run(async (tx) => {
      const number = await this.activity.nextNumber(actor.organizationId, 'invoice', tx);
      const invoice = await this.invoices.insert(
        actor.organizationId,
        {
          id,
          number,
          branchId,
          clientId: client.id,
          jobId: input.jobId ?? null,
          status: 'draft',
          currency: input.currency,
          issueDate: input.issueDate ?? null,
          dueDate: input.dueDate ?? null,
          paidMinor: '0',
          billToEnc,
          ...totalsOf(priced),
        },
        tx,
      );
      await this.activity.record(tx, actor, 'invoice', id, 'created');
      await this.activity.touchParties(tx, actor.organizationId, { clientId: client.id }, this.clock.now());
      return invoice;
    });
    return this.views.one(saved);
  }

  async get(caller: Caller, id: string): Promise<InvoiceView> {
    return this.views.one(await this.visible(crmActor(caller), id));
  }

  async list(caller: Caller, query: InvoiceListQueryDto): Promise<{ items: InvoiceView[]; nextCursor: string | null }> {
    const actor = crmActor(caller);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const updatedSince = updatedSinceOf(query);
    const page = await this.invoices.page(
      actor.organizationId,
      {
        branchScope: actor.branchScope,
        status: query.status,
        clientId: query.clientId,
        jobId: query.jobId,
        branchId: query.branchId,
        overdueOn: query.overdue ? today(this.clock.now()) : undefined,
        assignedTo: this.access.assignedOnlyTo(actor),
        updatedSince,
      },
      syncSort(query.sort, updatedSince, '-createdAt'),
      query.cursor,
      limit,
    );
    return { items: await this.views.many(page.rows), nextCursor: page.nextCursor };
  }

  /** Drafts only; the totals are recomputed with the policy in effect on the (planned) invoice date. */
  async update(caller: Caller, id: string, patch: InvoiceUpdateDto): Promise<InvoiceView> {
    const actor = crmActor(caller);
    const invoice = await this.visible(actor, id);
    assertDraft(invoice, 'changed');
    const issueDate = patch.issueDate === undefined ? invoice.issueDate : patch.issueDate;
    const dueDate = patch.dueDate === undefined ? invoice.dueDate : patch.dueDate;
    assertDateOrder(issueDate, dueDate);
    const priced = await this.pricing.price(
      actor.organizationId,
      invoice.branchId,
      issueDate ?? today(this.clock.now()),
      patch.lines ?? invoice.lines,
    );
    const values: Partial<InvoiceValues> = {
      ...totalsOf(priced),
      ...(patch.issueDate !== undefined ? { issueDate } : {}),
      ...(patch.dueDate !== undefined ? { dueDate } : {}),
      ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    };
    await this.transactions.run(async (tx) => {
      if (!(await this.invoices.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'invoice', id, 'updated', changedFields(patch));
    });
    return this.get(caller, id);
  }

  /**
   * draft → issued: the policy in effect on the issue date is applied and the totals frozen,
   * the bill-to copy refreshed from the client, and a completed job moves to invoiced.
   */
  async issue(caller: Caller, id: string, input: InvoiceIssueDto): Promise<InvoiceView> {
    const actor = crmActor(caller);
    const invoice = await this.visible(actor, id);
    assertDraft(invoice, 'issued');
    if (invoice.version !== input.version) throw staleRecord();
    const issueDate = input.issueDate ?? invoice.issueDate ?? today(this.clock.now());
    const dueDate = input.dueDate ?? invoice.dueDate ?? addDays(issueDate, DEFAULT_PAYMENT_TERMS_DAYS);
    assertDateOrder(issueDate, dueDate);
    const priced = await this.pricing.price(actor.organizationId, invoice.branchId, issueDate, invoice.lines);
    const client = invoice.clientId ? await this.records.findClient(actor.organizationId, invoice.clientId) : null;
    const billToEnc = client ? await this.billTo.seal(client.id, await this.billTo.fromClient(client)) : undefined;
    // Nothing to collect: an invoice of zero is settled the moment it is issued.
    const status = priced.totals.totalMinor === 0 ? 'paid' : 'issued';
    const values: Partial<InvoiceValues> = {
      ...totalsOf(priced),
      status,
      issueDate,
      dueDate,
      ...(billToEnc ? { billToEnc } : {}),
    };
    await this.transactions.run(async (tx) => {
      if (!(await this.invoices.updateIfVersion(actor.organizationId, id, input.version, values, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'invoice', id, 'updated', ['dueDate', 'issueDate', 'status']);
      if (invoice.jobId) await this.jobs.advanceWithin(tx, actor, invoice.jobId, 'completed', 'invoiced');
      if (client) await this.activity.touchParties(tx, actor.organizationId, { clientId: client.id }, this.clock.now());
    });
    return this.get(caller, id);
  }

  /** issued → void. A paid invoice stays paid; a draft is deleted instead. */
  async void(caller: Caller, id: string, input: InvoiceVersionDto): Promise<InvoiceView> {
    const actor = crmActor(caller);
    const invoice = await this.visible(actor, id);
    if (invoice.status !== 'issued') {
      throw new AppError(
        'conflict',
        {
          draft: 'A draft is not voided: delete it instead',
          paid: 'A paid invoice cannot be voided',
          void: 'This invoice is already void',
        }[invoice.status],
      );
    }
    await this.transactions.run(async (tx) => {
      if (!(await this.invoices.updateIfVersion(actor.organizationId, id, input.version, { status: 'void' }, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'invoice', id, 'updated', ['status']);
    });
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    const invoice = await this.visible(actor, id);
    assertDraft(invoice, 'deleted');
    await this.transactions.run(async (tx) => {
      if (!(await this.invoices.deleteDraft(actor.organizationId, id, tx))) throw staleRecord();
      await this.activity.record(tx, actor, 'invoice', id, 'deleted');
    });
  }

  async activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    const actor = crmActor(caller);
    await this.visible(actor, id);
    return this.activity.forRecord(actor.organizationId, 'invoice', id);
  }

  /** Totals of lines as an invoice of the branch dated `date` would have them; nothing is saved. */
  async quote(caller: Caller, input: InvoiceQuoteDto) {
    const actor = crmActor(caller);
    if (!canSeeBranch(actor, input.branchId)) {
      throw new AppError('forbidden', 'You can only price invoices of the branches you work in', {
        errors: [{ field: 'branchId', message: 'not one of your branches' }],
      });
    }
    await this.staff.assertBranch(actor.organizationId, input.branchId);
    const { policy, totals } = await this.pricing.price(
      actor.organizationId,
      input.branchId,
      input.date ?? today(this.clock.now()),
      input.lines,
      'not-found',
    );
    return {
      taxPolicyId: policy.id,
      taxPolicyName: policy.name,
      pricing: policy.pricing,
      currency: input.currency,
      lines: withQuantities(totals.lines),
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
    };
  }

  /**
   * The invoice if the caller may see it; 404 otherwise, also for other organizations' ids
   * and, for an agent, invoices of jobs not assigned to them (InvoiceAccess).
   */
  async visible(actor: CrmActor, id: string): Promise<InvoiceEntity> {
    const invoice = await this.invoices.find(actor.organizationId, id);
    if (!invoice || !(await this.access.mayReach(actor, invoice))) throw recordNotFound('invoice');
    return invoice;
  }

  private async assertJob(actor: CrmActor, jobId: string, clientId: string): Promise<void> {
    const job = await this.records.findJob(actor.organizationId, jobId);
    if (!job || !canSeeBranch(actor, job.branchId)) throw invalid('jobId', 'no such job');
    if (job.clientId !== clientId) throw invalid('jobId', 'the job is for another client');
  }
}

function assertDraft(invoice: InvoiceEntity, verb: 'changed' | 'issued' | 'deleted'): void {
  if (invoice.status !== 'draft') {
    const advice = verb === 'deleted' ? '; issued invoices are kept (void one instead)' : '';
    throw new AppError('conflict', `Only drafts can be ${verb}; this invoice is ${invoice.status}${advice}`);
  }
}
