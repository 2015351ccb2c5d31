import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import {
  CRM_INVOICES,
  INVOICE_STATUSES,
  type InvoiceStatus,
  PAYMENT_METHODS,
  type PaymentMethod,
  PRICING_MODES,
  type PricingMode,
} from '../crm.types.js';
import { ClientEntity } from './client.entity.js';
import { BranchScopedEntity } from './crm-record.entity.js';
import { JobEntity } from './job.entity.js';

/** One computed line: quantities in thousandths (1.5 h = 1500), money in minor units. */
export interface InvoiceLine {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  taxCode: string;
  taxBasisPoints: number;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

/**
 * An invoice: a transaction record the law requires keeping for 7 years. Erasing its
 * client de-identifies it (bill-to sealed under the client's key is shredded, the client
 * link cleared) and keeps the numbers.
 */
@Entity('invoices')
@ForeignKey(() => ClientEntity, ['organizationId', 'clientId'], ['organizationId', 'id'], {
  name: 'FK_invoices_client',
  onDelete: 'SET NULL',
})
@ForeignKey(() => JobEntity, ['organizationId', 'jobId'], ['organizationId', 'id'], {
  name: 'FK_invoices_job',
  onDelete: 'SET NULL',
})
@Index('UQ_invoices_org_number', ['organizationId', 'number'], { unique: true })
@Index('IDX_invoices_org_status', ['organizationId', 'status', 'createdAt'])
// Foreign keys first: deleting a client or a job finds its invoices by index.
@Index('IDX_invoices_client_org', ['clientId', 'organizationId'])
@Index('IDX_invoices_job', ['jobId', 'organizationId'])
export class InvoiceEntity extends BranchScopedEntity {
  @NotPersonal('invoice number, sequential within the organization')
  @Column({ type: 'integer' })
  number: number;

  @NotPersonal('link to the client; cleared when the client is erased')
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @NotPersonal('link to the job invoiced')
  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  @NotPersonal('draft, issued, paid or void')
  @Column({ type: 'enum', enum: INVOICE_STATUSES, enumName: 'invoice_status', default: 'draft' })
  status: InvoiceStatus;

  @NotPersonal('invoice date')
  @Column({ name: 'issue_date', type: 'date', nullable: true })
  issueDate: string | null;

  @NotPersonal('payment due date')
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @NotPersonal('ISO 4217 currency')
  @Column({ type: 'char', length: 3 })
  currency: string;

  @NotPersonal('tax policy used for the totals')
  @Column({ name: 'tax_policy_id', type: 'uuid', nullable: true })
  taxPolicyId: string | null;

  @NotPersonal('whether line prices include tax')
  @Column({ type: 'enum', enum: PRICING_MODES, enumName: 'pricing_mode' })
  pricing: PricingMode;

  /** What was sold: kept for the legal retention period. */
  @PersonalField(CRM_INVOICES)
  @Column({ type: 'jsonb', default: () => "'[]'" })
  lines: InvoiceLine[];

  @NotPersonal('amount in minor units')
  @Column({ name: 'subtotal_minor', type: 'bigint', default: 0 })
  subtotalMinor: string;

  @NotPersonal('amount in minor units')
  @Column({ name: 'tax_minor', type: 'bigint', default: 0 })
  taxMinor: string;

  @NotPersonal('amount in minor units')
  @Column({ name: 'total_minor', type: 'bigint', default: 0 })
  totalMinor: string;

  @NotPersonal('amount in minor units')
  @Column({ name: 'paid_minor', type: 'bigint', default: 0 })
  paidMinor: string;

  /** Name, email and address of the payer, sealed under the client's key. */
  @PersonalField(CRM_INVOICES, { encrypted: true })
  @Column({ name: 'bill_to_enc', type: 'bytea', nullable: true })
  billToEnc: Buffer | null;

  @PersonalField(CRM_INVOICES)
  @Column({ name: 'deidentified_at', type: 'timestamptz', nullable: true })
  deidentifiedAt: Date | null;

  /** The address is the bill-to copy's (sealed above); only when and with what outcome are kept here. */
  @NotPersonal('technical timestamp: when the invoice was last emailed to its bill-to address')
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @NotPersonal('what the mail server did with that email: sent, queued or failed')
  @Column({ name: 'email_delivery', type: 'varchar', length: 10, nullable: true })
  emailDelivery: MailOutcome | null;
}

/** The outcome of emailing an invoice, as the mail outbox answered it. */
export type MailOutcome = 'sent' | 'queued' | 'failed';

/** A payment against an invoice. */
@Entity('payments')
@ForeignKey(() => InvoiceEntity, ['organizationId', 'invoiceId'], ['organizationId', 'id'], {
  name: 'FK_payments_invoice',
  onDelete: 'CASCADE',
})
@Index('IDX_payments_invoice', ['invoiceId', 'organizationId'])
export class PaymentEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the invoice paid')
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @NotPersonal('amount in minor units')
  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @NotPersonal('payment date')
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @NotPersonal('how it was paid')
  @Column({ type: 'enum', enum: PAYMENT_METHODS, enumName: 'payment_method' })
  method: PaymentMethod;

  @NotPersonal('bank or card reference; no account numbers')
  @Column({ type: 'varchar', length: 120, nullable: true })
  reference: string | null;

  @NotPersonal('id of the staff member who recorded it')
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
