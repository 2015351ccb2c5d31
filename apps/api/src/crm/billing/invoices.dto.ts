import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SyncPageQueryDto } from '../../common/pagination.dto.js';
import { MAIL_DELIVERIES, type MailDelivery } from '../../mail/mail.service.js';
import { AddressDto } from '../crm.dto.js';
import { INVOICE_STATUSES, PAYMENT_METHODS } from '../crm.types.js';
import { LIST_SORTS } from '../keyset.repository.js';
import { IsCalendarDate, IsQuantity, MAX_UNIT_PRICE_MINOR, TAX_CODE_MESSAGE, TAX_CODE_PATTERN } from './billing.dto.js';

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = 'currency must be an ISO 4217 code of three upper-case letters, such as GBP';
const MAX_LINES = 100;

export class InvoiceLineDto {
  /** @example Boiler service */
  @IsString()
  @Length(1, 500, { message: 'description must be 1 to 500 characters' })
  description: string;

  /** Above 0, up to three decimals. @example 1.5 */
  @IsQuantity()
  quantity: number;

  /** Price of one unit in minor units (pence, cents); 0 is allowed. @example 8500 */
  @IsInt({ message: 'unitPriceMinor must be a whole number of minor units (pence, cents)' })
  @Min(0, { message: 'unitPriceMinor cannot be negative' })
  @Max(MAX_UNIT_PRICE_MINOR, { message: 'unitPriceMinor is too large' })
  unitPriceMinor: number;

  /** A rate code of the tax policy in effect. @example STD */
  @IsString()
  @Matches(TAX_CODE_PATTERN, { message: `taxCode ${TAX_CODE_MESSAGE}` })
  taxCode: string;
}

export class InvoiceLineResponseDto {
  description: string;
  /** @example 1.5 */
  quantity: number;
  /** The quantity in thousandths, as stored. @example 1500 */
  quantityMilli: number;
  unitPriceMinor: number;
  /** @example STD */
  taxCode: string;
  /** The rate applied, in hundredths of a percent. @example 2000 */
  taxBasisPoints: number;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export class BillToResponseDto {
  /** @example Riverside Plumbing Ltd */
  name: string;
  email: string | null;
  address: AddressDto | null;
}

export class InvoiceResponseDto {
  id: string;
  /** Sequential within the organization. @example 42 */
  number: number;
  /** @example INV-00042 */
  displayNumber: string;
  /** draft, issued, paid or void. @example issued */
  status: string;
  /** Null once the client was deleted or erased; the invoice stays (kept 7 years). */
  clientId: string | null;
  jobId: string | null;
  branchId: string;
  /** @example GBP */
  currency: string;
  /** @example 2026-04-01 */
  issueDate: string | null;
  /** @example 2026-05-01 */
  dueDate: string | null;
  /** The tax policy of the totals: frozen when issued, a preview while a draft. */
  taxPolicyId: string | null;
  /** @example exclusive */
  pricing: string;
  lines: InvoiceLineResponseDto[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  /** What is still to pay. */
  balanceMinor: number;
  /** Issued and past its due date. */
  overdue: boolean;
  /** Who it is addressed to; null once the client was de-identified. */
  billTo: BillToResponseDto | null;
  /** The client exercised erasure: the bill-to copy is gone, the amounts stay (legal record). */
  deidentified: boolean;
  /** When it was last emailed to the bill-to address (`POST /invoices/{id}/send`); null if never. */
  emailedAt: Date | null;
  /** What the mail server did with that email: `sent`, `queued` (retried) or `failed`. @example sent */
  @ApiProperty({ enum: MAIL_DELIVERIES, nullable: true })
  emailDelivery: MailDelivery | null;
  createdAt: Date;
  updatedAt: Date;
  /** Send back in changes: a stale version is refused with 409 instead of overwriting. */
  version: number;
}

export class InvoiceListResponseDto {
  items: InvoiceResponseDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export class InvoiceListQueryDto extends SyncPageQueryDto {
  /** Newest first by default (oldest change first with `updatedSince`). */
  @IsOptional()
  @IsIn(LIST_SORTS, { message: `sort must be one of ${LIST_SORTS.join(', ')}` })
  sort?: (typeof LIST_SORTS)[number];

  @IsOptional()
  @IsIn(INVOICE_STATUSES, { message: `status must be one of ${INVOICE_STATUSES.join(', ')}` })
  status?: (typeof INVOICE_STATUSES)[number];

  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  /** The invoices of one job. */
  @IsOptional()
  @IsUUID('all', { message: 'jobId must be a job id' })
  jobId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** true: only issued invoices past their due date. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

export class InvoiceCreateDto {
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId: string;

  /** The job invoiced: it moves to `invoiced` when the invoice is issued. */
  @IsOptional()
  @IsUUID('all', { message: 'jobId must be a job id' })
  jobId?: string | null;

  /** @example GBP */
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: CURRENCY_MESSAGE })
  currency: string;

  @IsArray({ message: 'lines must be a list' })
  @ArrayMinSize(1, { message: 'lines needs at least one line' })
  @ArrayMaxSize(MAX_LINES, { message: `lines can have at most ${MAX_LINES} lines` })
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines: InvoiceLineDto[];

  /** Planned invoice date; issuing sets it (today if none). @example 2026-04-01 */
  @IsOptional()
  @IsCalendarDate()
  issueDate?: string | null;

  /** @example 2026-05-01 */
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  /** The client's branch if omitted. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;
}

/** Drafts only. Omitted fields stay as they are; `null` clears a date. */
export class InvoiceUpdateDto {
  /** The version you read; a stale one is refused with 409. */
  @IsInt()
  version: number;

  @ValidateIf((body: InvoiceUpdateDto) => body.lines !== undefined)
  @IsArray({ message: 'lines must be a list' })
  @ArrayMinSize(1, { message: 'lines needs at least one line' })
  @ArrayMaxSize(MAX_LINES, { message: `lines can have at most ${MAX_LINES} lines` })
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];

  @IsOptional()
  @IsCalendarDate()
  issueDate?: string | null;

  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ValidateIf((body: InvoiceUpdateDto) => body.currency !== undefined)
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: CURRENCY_MESSAGE })
  currency?: string;
}

export class InvoiceIssueDto {
  @IsInt()
  version: number;

  /** Today if omitted (or the draft's planned date). @example 2026-04-01 */
  @IsOptional()
  @IsCalendarDate()
  issueDate?: string;

  /** 30 days after the issue date if omitted (or the draft's). @example 2026-05-01 */
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

export class InvoiceVersionDto {
  @IsInt()
  version: number;
}

export class InvoiceQuoteDto {
  /** The branch whose tax policy applies (else the organization's). */
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId: string;

  /** The invoice date; today if omitted. @example 2026-04-01 */
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  /** @example GBP */
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: CURRENCY_MESSAGE })
  currency: string;

  @IsArray({ message: 'lines must be a list' })
  @ArrayMaxSize(MAX_LINES, { message: `lines can have at most ${MAX_LINES} lines` })
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines: InvoiceLineDto[];
}

export class InvoiceQuoteResponseDto {
  taxPolicyId: string;
  /** @example UK VAT 2026 */
  taxPolicyName: string;
  /** @example exclusive */
  pricing: string;
  /** @example GBP */
  currency: string;
  lines: InvoiceLineResponseDto[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export class PaymentCreateDto {
  /** In minor units, above 0; at most what is still owed. @example 12000 */
  @IsInt({ message: 'amountMinor must be a whole number of minor units' })
  @Min(1, { message: 'amountMinor must be above 0' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'amountMinor is too large' })
  amountMinor: number;

  /** @example 2026-04-15 */
  @IsCalendarDate()
  paidOn: string;

  /** @example bank_transfer */
  @IsIn(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` })
  method: (typeof PAYMENT_METHODS)[number];

  /** Bank or card reference; never a full account or card number. @example BACS 2291 */
  @IsOptional()
  @IsString()
  @MaxLength(120, { message: 'reference must be at most 120 characters' })
  reference?: string | null;
}

export class PaymentResponseDto {
  id: string;
  invoiceId: string;
  amountMinor: number;
  /** @example 2026-04-15 */
  paidOn: string;
  /** @example bank_transfer */
  method: string;
  reference: string | null;
  /** The staff member who recorded it; null for an integration. */
  recordedBy: string | null;
  createdAt: Date;
}

export class PaymentListResponseDto {
  items: PaymentResponseDto[];
}

export class PaymentRecordedResponseDto {
  payment: PaymentResponseDto;
  /** The invoice after the payment: `paid` once fully paid. */
  invoice: InvoiceResponseDto;
}

export class InvoiceSentResponseDto {
  /** The invoice, with `emailedAt` and `emailDelivery` set. */
  invoice: InvoiceResponseDto;
  /**
   * What became of the email: `sent` (the mail server took it), `queued` (it did not answer; the
   * email waits sealed and is retried) or `failed` (refused for good). @example sent
   */
  @ApiProperty({ enum: MAIL_DELIVERIES })
  email: MailDelivery;
  /** The bill-to address it went to. @example accounts@riverside.example */
  sentTo: string;
}

export class ClientBalanceCurrencyDto {
  /** @example GBP */
  currency: string;
  /** Issued invoices not yet paid in full. */
  openInvoices: number;
  /** What is still owed on them, in minor units. */
  outstandingMinor: number;
  /** Issued invoices past their due date. */
  overdueInvoices: number;
  /** What is owed on those, in minor units (part of `outstandingMinor`). */
  overdueMinor: number;
  /** Every payment received, in minor units. */
  paidMinor: number;
  /** Invoices paid in full. */
  paidInvoices: number;
  /** Drafts, not yet owed. */
  drafts: number;
}

export class ClientBalanceResponseDto {
  clientId: string;
  /** One entry per currency invoiced (amounts of different currencies are never added); empty when none. */
  currencies: ClientBalanceCurrencyDto[];
}
