import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityListResponseDto } from '../crm.dto.js';
import { InvoiceDocuments } from './invoice-documents.service.js';
import { InvoicePaymentsService } from './invoice-payments.service.js';
import {
  InvoiceCreateDto,
  InvoiceIssueDto,
  InvoiceListQueryDto,
  InvoiceListResponseDto,
  InvoiceQuoteDto,
  InvoiceQuoteResponseDto,
  InvoiceResponseDto,
  InvoiceSentResponseDto,
  InvoiceUpdateDto,
  InvoiceVersionDto,
  PaymentCreateDto,
  PaymentListResponseDto,
  PaymentRecordedResponseDto,
} from './invoices.dto.js';
import { InvoicesService } from './invoices.service.js';

@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly payments: InvoicePaymentsService,
    private readonly documents: InvoiceDocuments,
  ) {}

  @Get()
  @Requires('invoices:read', 'payments:write')
  @ApiOperation({
    summary: 'Invoices, newest first',
    description:
      'Cursor-paginated. `overdue=true` keeps issued invoices whose due date has passed. ' +
      'With payments:write alone (agents), only invoices of jobs assigned to you.',
  })
  @ApiOkResponse({ type: InvoiceListResponseDto })
  listInvoices(@CurrentUser() caller: Caller, @Query() query: InvoiceListQueryDto): Promise<InvoiceListResponseDto> {
    return this.invoices.list(caller, query);
  }

  @Post()
  @Requires('invoices:write')
  @ApiOperation({
    summary: 'Draft an invoice',
    description:
      'Numbered at once; priced with the tax policy in effect on `issueDate` (today if none) as a preview. ' +
      'The bill-to name, email and address are copied from the client. 409 for a client whose processing is restricted.',
  })
  @ApiCreatedResponse({ type: InvoiceResponseDto })
  createInvoice(@CurrentUser() caller: Caller, @Body() body: InvoiceCreateDto): Promise<InvoiceResponseDto> {
    return this.invoices.create(caller, body);
  }

  @Post('quote')
  @Requires('invoices:read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price lines without saving',
    description: 'The totals an invoice of the branch dated `date` would have: for live totals in an invoice editor.',
  })
  @ApiOkResponse({ type: InvoiceQuoteResponseDto })
  quoteInvoice(@CurrentUser() caller: Caller, @Body() body: InvoiceQuoteDto): Promise<InvoiceQuoteResponseDto> {
    return this.invoices.quote(caller, body);
  }

  @Get(':id')
  @Requires('invoices:read', 'payments:write')
  @ApiOperation({
    summary: 'One invoice',
    description: 'With payments:write alone (agents), only an invoice of a job assigned to you; 404 otherwise.',
  })
  @ApiOkResponse({ type: InvoiceResponseDto })
  getInvoice(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<InvoiceResponseDto> {
    return this.invoices.get(caller, id);
  }

  @Patch(':id')
  @Requires('invoices:write')
  @ApiOperation({
    summary: 'Change a draft',
    description: 'Send the `version` you read; a stale one answers 409. Issued invoices cannot change (409).',
  })
  @ApiOkResponse({ type: InvoiceResponseDto })
  updateInvoice(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InvoiceUpdateDto,
  ): Promise<InvoiceResponseDto> {
    return this.invoices.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('invoices:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft', description: 'Issued invoices are kept for 7 years: void them instead.' })
  @ApiNoContentResponse()
  async deleteInvoice(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.invoices.delete(caller, id);
  }

  @Post(':id/issue')
  @Requires('invoices:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a draft',
    description:
      'Issue date today unless given, due date 30 days later unless given. The tax policy in effect on the issue ' +
      'date is applied and the totals frozen; a completed job moves to invoiced.',
  })
  @ApiOkResponse({ type: InvoiceResponseDto })
  issueInvoice(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InvoiceIssueDto,
  ): Promise<InvoiceResponseDto> {
    return this.invoices.issue(caller, id, body);
  }

  @Post(':id/void')
  @Requires('invoices:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void an issued invoice', description: 'Paid invoices cannot be voided (409).' })
  @ApiOkResponse({ type: InvoiceResponseDto })
  voidInvoice(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InvoiceVersionDto,
  ): Promise<InvoiceResponseDto> {
    return this.invoices.void(caller, id, body);
  }

  @Get(':id/activity')
  @Requires('invoices:read')
  @ApiOperation({ summary: 'Who created, changed, issued and voided the invoice, and which fields' })
  @ApiOkResponse({ type: ActivityListResponseDto })
  async getInvoiceActivity(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityListResponseDto> {
    return { items: await this.invoices.activityOf(caller, id) };
  }

  @Get(':id/pdf')
  @Requires('invoices:read', 'payments:write')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The invoice as a PDF',
    description:
      'A4, made on request and never stored (it holds the bill-to details). A draft says DRAFT in its title and ' +
      'across every page; void and paid invoices are stamped too. Whoever may read the invoice may download it.',
  })
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  async getInvoicePdf(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.documents.pdf(caller, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
      length: pdf.length,
    });
  }

  @Post(':id/send')
  @Requires('invoices:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Email the invoice to its bill-to address, with the PDF attached',
    description:
      '`email` says whether the mail server took it (`sent`), did not answer so it waits sealed in the outbox and ' +
      'is retried (`queued`), or refused it (`failed`); the invoice records when and how (`emailedAt`, ' +
      '`emailDelivery`). 409 for a draft, a void invoice, or a bill-to copy without an email address.',
  })
  @ApiOkResponse({ type: InvoiceSentResponseDto })
  sendInvoice(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<InvoiceSentResponseDto> {
    return this.documents.send(caller, id);
  }

  @Get(':id/payments')
  @Requires('invoices:read', 'payments:write')
  @ApiOperation({ summary: 'Payments of an invoice, oldest first' })
  @ApiOkResponse({ type: PaymentListResponseDto })
  async listInvoicePayments(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<PaymentListResponseDto> {
    return { items: await this.payments.list(caller, id) };
  }

  @Post(':id/payments')
  @Requires('invoices:write', 'payments:write')
  @ApiOperation({
    summary: 'Record a payment',
    description:
      'Issued invoices only. More than the balance is refused (409); reaching the total marks the invoice paid. ' +
      'With payments:write alone (agents), only on invoices of jobs assigned to you (404 for others).',
  })
  @ApiCreatedResponse({ type: PaymentRecordedResponseDto })
  recordInvoicePayment(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PaymentCreateDto,
  ): Promise<PaymentRecordedResponseDto> {
    return this.payments.record(caller, id, body);
  }
}
