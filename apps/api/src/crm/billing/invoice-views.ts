import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { InvoiceStatus, PaymentMethod, PricingMode } from '../crm.types.js';
import type { InvoiceEntity, InvoiceLine, MailOutcome, PaymentEntity } from '../entities/invoice.entity.js';
import { RecordCipher } from '../record-cipher.js';
import { type BillTo, BillToCipher } from './bill-to-cipher.js';
import { today } from './calendar-date.js';
import { milliToQuantity } from './invoice-totals.js';

export interface InvoiceLineView extends InvoiceLine {
  quantity: number;
}

export interface InvoiceView {
  id: string;
  number: number;
  displayNumber: string;
  status: InvoiceStatus;
  clientId: string | null;
  jobId: string | null;
  branchId: string;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  taxPolicyId: string | null;
  pricing: PricingMode;
  lines: InvoiceLineView[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  balanceMinor: number;
  overdue: boolean;
  billTo: BillTo | null;
  deidentified: boolean;
  emailedAt: Date | null;
  emailDelivery: MailOutcome | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface PaymentView {
  id: string;
  invoiceId: string;
  amountMinor: number;
  paidOn: string;
  method: PaymentMethod;
  reference: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

/** "INV-00042": the number people quote. */
export const displayNumberOf = (number: number) => `INV-${String(number).padStart(5, '0')}`;

export const withQuantities = (lines: InvoiceLine[]): InvoiceLineView[] =>
  lines.map((line) => ({ ...line, quantity: milliToQuantity(line.quantityMilli) }));

/** Invoices as the API shows them, with the bill-to copy opened. */
@Injectable()
export class InvoiceViews {
  constructor(
    private readonly cipher: RecordCipher,
    private readonly billTo: BillToCipher,
    private readonly clock: Clock,
  ) {}

  async one(invoice: InvoiceEntity): Promise<InvoiceView> {
    return this.toView(invoice, today(this.clock.now()));
  }

  /** One key lookup for the page, then each row. */
  async many(invoices: InvoiceEntity[]): Promise<InvoiceView[]> {
    await this.cipher.preload(this.billTo.subjectsOf(invoices.map((invoice) => invoice.billToEnc)));
    const day = today(this.clock.now());
    return Promise.all(invoices.map((invoice) => this.toView(invoice, day)));
  }

  private async toView(invoice: InvoiceEntity, day: string): Promise<InvoiceView> {
    const totalMinor = Number(invoice.totalMinor);
    const paidMinor = Number(invoice.paidMinor);
    return {
      id: invoice.id,
      number: invoice.number,
      displayNumber: displayNumberOf(invoice.number),
      status: invoice.status,
      clientId: invoice.clientId,
      jobId: invoice.jobId,
      branchId: invoice.branchId,
      currency: invoice.currency,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      taxPolicyId: invoice.taxPolicyId,
      pricing: invoice.pricing,
      lines: withQuantities(invoice.lines),
      subtotalMinor: Number(invoice.subtotalMinor),
      taxMinor: Number(invoice.taxMinor),
      totalMinor,
      paidMinor,
      balanceMinor: invoice.status === 'void' ? 0 : totalMinor - paidMinor,
      overdue: invoice.status === 'issued' && invoice.dueDate !== null && invoice.dueDate < day,
      billTo: invoice.deidentifiedAt ? null : await this.billTo.open(invoice.billToEnc),
      deidentified: invoice.deidentifiedAt !== null,
      emailedAt: invoice.emailedAt,
      emailDelivery: invoice.emailDelivery,
      createdAt: invoice.createdAt,
      updatedAt: invoice.updatedAt,
      version: invoice.version,
    };
  }
}

export const toPaymentView = (payment: PaymentEntity): PaymentView => ({
  id: payment.id,
  invoiceId: payment.invoiceId,
  amountMinor: Number(payment.amountMinor),
  paidOn: payment.paidOn,
  method: payment.method,
  reference: payment.reference,
  recordedBy: payment.recordedBy,
  createdAt: payment.createdAt,
});
