import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { type MailDelivery, MailService } from '../../mail/mail.service.js';
import { crmActor } from '../crm-access.js';
import { StaffDirectory } from '../staff-directory.js';
import { formatCalendarDate, formatMinor, renderInvoicePdf } from './invoice-pdf.js';
import { type InvoiceView, InvoiceViews } from './invoice-views.js';
import { InvoicesRepository } from './invoices.repository.js';
import { InvoicesService } from './invoices.service.js';

export interface InvoicePdf {
  fileName: string;
  pdf: Buffer;
}

/**
 * An invoice as a document: its PDF, made on request and never stored (it carries the
 * bill-to copy), and emailed to the bill-to address with the PDF attached through the mail
 * outbox, where it waits sealed until it is sent or given up.
 */
@Injectable()
export class InvoiceDocuments {
  constructor(
    private readonly transactions: TransactionService,
    private readonly invoicesService: InvoicesService,
    private readonly invoices: InvoicesRepository,
    private readonly views: InvoiceViews,
    private readonly staff: StaffDirectory,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async pdf(caller: Caller, id: string): Promise<InvoicePdf> {
    const invoice = await this.invoicesService.get(caller, id);
    return { fileName: fileNameOf(invoice), pdf: await this.render(caller.organizationId, invoice) };
  }

  /** Emails an issued (or paid) invoice to its bill-to address; refused for drafts, void invoices and no address. */
  async send(caller: Caller, id: string): Promise<{ invoice: InvoiceView; email: MailDelivery; sentTo: string }> {
    const actor = crmActor(caller);
    const invoice = await this.views.one(await this.invoicesService.visible(actor, id));
    if (invoice.status === 'draft') {
      throw new AppError('conflict', 'A draft is not sent: issue the invoice first, then send it');
    }
    if (invoice.status === 'void') throw new AppError('conflict', 'A void invoice is not sent');
    const to = invoice.billTo?.email;
    if (!to) {
      throw new AppError(
        'conflict',
        invoice.deidentified
          ? 'The bill-to details of this invoice were erased, so it cannot be emailed'
          : 'The bill-to copy of this invoice has no email address; download the PDF and send it another way',
      );
    }
    const seller = await this.staff.organizationName(actor.organizationId);
    const pdf = await this.render(actor.organizationId, invoice, seller);
    const email = await this.mail.send({
      to,
      subject: `Invoice ${invoice.displayNumber} from ${seller}`,
      text: letterOf(invoice, seller),
      attachments: [
        { filename: fileNameOf(invoice), contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      ],
    });
    await this.transactions.run(async (tx) => {
      await this.invoices.recordEmailed(actor.organizationId, id, this.clock.now(), email, tx);
      // The outcome only: the address is the invoice's bill-to copy, never written to the trail.
      this.audit.record(tx, {
        organizationId: actor.organizationId,
        action: 'invoice.emailed',
        actor: { kind: actor.kind, id: actor.id },
        targetType: 'invoice',
        targetId: id,
        details: { delivery: email },
      });
    });
    return { invoice: await this.invoicesService.get(caller, id), email, sentTo: to };
  }

  private async render(organizationId: string, invoice: InvoiceView, seller?: string): Promise<Buffer> {
    return renderInvoicePdf({
      invoice,
      seller: seller ?? (await this.staff.organizationName(organizationId)),
      generatedAt: this.clock.now(),
    });
  }
}

const fileNameOf = (invoice: InvoiceView) =>
  `${invoice.displayNumber}${invoice.status === 'draft' ? '-DRAFT' : ''}.pdf`;

function letterOf(invoice: InvoiceView, seller: string): string {
  const total = formatMinor(invoice.totalMinor, invoice.currency);
  const due = invoice.dueDate && invoice.status === 'issued' ? `, due on ${formatCalendarDate(invoice.dueDate)}` : '';
  const owed =
    invoice.status === 'paid'
      ? 'It is paid in full: thank you.'
      : invoice.paidMinor > 0
        ? `${formatMinor(invoice.balanceMinor, invoice.currency)} of it is still to pay.`
        : '';
  return [
    `Hello ${invoice.billTo?.name ?? ''},`,
    '',
    `Please find attached invoice ${invoice.displayNumber} from ${seller}, for ${total}${due}.`,
    ...(owed ? [owed] : []),
    '',
    'Kind regards,',
    seller,
    '',
  ].join('\n');
}
