import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService } from '../activity.service.js';
import { crmActor, recordNotFound } from '../crm-access.js';
import { type InvoiceView, type PaymentView, toPaymentView } from './invoice-views.js';
import type { PaymentCreateDto } from './invoices.dto.js';
import { InvoicesRepository } from './invoices.repository.js';
import { InvoicesService } from './invoices.service.js';

/** A run of 12 or more digits (spaces and dashes aside) looks like a card or account number. */
const LOOKS_LIKE_ACCOUNT_NUMBER = /\d{12,}/;

/** Payments against issued invoices; an invoice is paid once they reach its total, never beyond. */
@Injectable()
export class InvoicePaymentsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly invoices: InvoicesRepository,
    private readonly invoicesService: InvoicesService,
    private readonly activity: ActivityService,
  ) {}

  async list(caller: Caller, invoiceId: string): Promise<PaymentView[]> {
    const actor = crmActor(caller);
    await this.invoicesService.visible(actor, invoiceId);
    return (await this.invoices.listPayments(actor.organizationId, [invoiceId])).map(toPaymentView);
  }

  async record(
    caller: Caller,
    invoiceId: string,
    input: PaymentCreateDto,
  ): Promise<{ payment: PaymentView; invoice: InvoiceView }> {
    const actor = crmActor(caller);
    await this.invoicesService.visible(actor, invoiceId);
    const reference = input.reference?.trim() || null;
    if (reference && LOOKS_LIKE_ACCOUNT_NUMBER.test(reference.replace(/[\s-]/g, ''))) {
      throw new AppError('validation-failed', 'reference: do not store card or account numbers', {
        errors: [{ field: 'reference', message: 'looks like a card or account number; keep only a short reference' }],
      });
    }
    const payment = await this.transactions.run(async (tx) => {
      // Locked: two payments at once must not both fit the same balance.
      const invoice = await this.invoices.findLocked(actor.organizationId, invoiceId, tx);
      if (!invoice) throw recordNotFound('invoice');
      if (invoice.status !== 'issued') {
        throw new AppError(
          'conflict',
          {
            draft: 'Issue the invoice before recording payments',
            paid: 'This invoice is already paid in full',
            void: 'A void invoice takes no payments',
          }[invoice.status],
        );
      }
      const total = BigInt(invoice.totalMinor);
      const paid = BigInt(invoice.paidMinor) + BigInt(input.amountMinor);
      if (paid > total) {
        const balance = total - BigInt(invoice.paidMinor);
        throw new AppError('conflict', `That is more than the ${balance} (minor units) still owed on this invoice`, {
          balanceMinor: Number(balance),
        });
      }
      const recorded = await this.invoices.insertPayment(
        actor.organizationId,
        {
          invoiceId,
          amountMinor: String(input.amountMinor),
          paidOn: input.paidOn,
          method: input.method,
          reference,
          recordedBy: actor.kind === 'user' ? actor.id : null,
        },
        tx,
      );
      const settled = paid >= total;
      await this.invoices.update(
        actor.organizationId,
        invoiceId,
        { paidMinor: String(paid), ...(settled ? { status: 'paid' as const } : {}) },
        tx,
      );
      await this.activity.record(
        tx,
        actor,
        'invoice',
        invoiceId,
        'updated',
        settled ? ['paidMinor', 'status'] : ['paidMinor'],
      );
      return recorded;
    });
    return { payment: toPaymentView(payment), invoice: await this.invoicesService.get(caller, invoiceId) };
  }
}
