import { Injectable } from '@nestjs/common';
import type {
  DataCategory,
  DataSubject,
  ErasureContext,
  ErasureMode,
  ErasureStep,
  ExportRecord,
  PersonalDataProvider,
} from '#personal-data';
import { AppSettings } from '../../config/settings.module.js';
import type { Transaction } from '../../database/transaction.service.js';
import { CRM_INVOICES } from '../crm.types.js';
import { CRM_PROCESSORS } from '../crm-retention.js';
import { RecordCipher } from '../record-cipher.js';
import { BillToCipher } from './bill-to-cipher.js';
import { displayNumberOf, toPaymentView, withQuantities } from './invoice-views.js';
import { InvoicesRepository } from './invoices.repository.js';

/**
 * Invoices and payments of a client who is a person. Under legal hold: erasure shreds who
 * they were addressed to and keeps the amounts; they are deleted when the 7 years end.
 */
@Injectable()
export class InvoicesPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = CRM_INVOICES;
  /** Before the client record (90), which clears the invoices' client link when deleted. */
  readonly erasureOrder = 10;

  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly cipher: RecordCipher,
    private readonly billTo: BillToCipher,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['client'],
      description: 'Invoices addressed to you and the payments made against them.',
      fields: [
        { name: 'billTo', description: 'Name, email and postal address the invoice is addressed to', encrypted: true },
        { name: 'lines', description: 'What was sold: descriptions, quantities, prices and tax', encrypted: false },
        { name: 'amounts', description: 'Totals, tax and amounts paid', encrypted: false },
        { name: 'dates', description: 'Issue, due and payment dates', encrypted: false },
        { name: 'payments', description: 'Amount, date, method and reference of each payment', encrypted: false },
      ],
      purposes: ['Bill for work done and record payments', 'Meet tax and accounting obligations'],
      lawfulBasis: 'legal-obligation',
      retention: {
        setting: 'retention.invoiceYears',
        description: `${this.settings.retention.invoiceYears} years after the invoice date, as tax and accounting law requires; then deleted`,
      },
      processors: CRM_PROCESSORS,
      legalHold: {
        reason: 'Tax and accounting law requires keeping invoices and payment records',
        years: this.settings.retention.invoiceYears,
      },
    };
  }

  locate(subject: DataSubject): Promise<number> {
    return this.invoices.countForClient(subject.organizationId, subject.id);
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    const invoices = await this.invoices.listForClient(subject.organizationId, subject.id);
    const payments = await this.invoices.listPayments(
      subject.organizationId,
      invoices.map((invoice) => invoice.id),
    );
    await this.cipher.preload(this.billTo.subjectsOf(invoices.map((invoice) => invoice.billToEnc)));
    for (const invoice of invoices) {
      yield {
        number: displayNumberOf(invoice.number),
        status: invoice.status,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        currency: invoice.currency,
        billTo: invoice.deidentifiedAt ? null : await this.billTo.open(invoice.billToEnc),
        lines: withQuantities(invoice.lines).map(
          ({ description, quantity, unitPriceMinor, taxCode, taxBasisPoints, netMinor, taxMinor, grossMinor }) => ({
            description,
            quantity,
            unitPriceMinor,
            taxCode,
            taxBasisPoints,
            netMinor,
            taxMinor,
            grossMinor,
          }),
        ),
        subtotalMinor: Number(invoice.subtotalMinor),
        taxMinor: Number(invoice.taxMinor),
        totalMinor: Number(invoice.totalMinor),
        paidMinor: Number(invoice.paidMinor),
        payments: payments
          .filter((payment) => payment.invoiceId === invoice.id)
          .map(toPaymentView)
          .map(({ amountMinor, paidOn, method, reference }) => ({ amountMinor, paidOn, method, reference })),
      };
    }
  }

  /**
   * Legal hold: the invoices stay, without who they were for, whatever mode is asked for.
   * The bill-to copy goes; the client link is cleared when the clients provider deletes the
   * client row right after.
   */
  async erase(
    subject: DataSubject,
    _requested: ErasureMode,
    { tx, now, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    const affected = await this.invoices.deidentifyForClient(subject.organizationId, subject.id, now, limit, tx);
    return { mode: 'deidentify', affected, more: affected === limit };
  }

  /** Restriction is enforced where invoices are made: a restricted client gets no new ones. */
  async restrict(): Promise<void> {}
}
