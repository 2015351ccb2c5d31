import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { ConsentRatesQueryDto, ConsentRatesResponseDto } from './consent-rates.dto.js';
import { ConsentRatesService } from './consent-rates.service.js';
import { ConsentReceiptDto, ContactConsentRecordDto, ContactConsentsResponseDto } from './contact-consents.dto.js';
import { ContactConsentsService } from './contact-consents.service.js';

@ApiTags('consents')
@Controller()
export class ContactConsentsController {
  constructor(
    private readonly consents: ContactConsentsService,
    private readonly rates: ConsentRatesService,
  ) {}

  @Get('contacts/:contactId/consents')
  @Requires('consents:read')
  @ApiOperation({
    summary: "A contact's consents: the state per purpose and the ledger",
    description:
      'The state of a purpose is its latest entry; `validBasis` is true when that is `granted` or `confirmed` ' +
      '(a `pending` double opt-in is not a basis until confirmed).',
  })
  @ApiOkResponse({ type: ContactConsentsResponseDto })
  getContactConsents(
    @CurrentUser() caller: Caller,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
  ): Promise<ContactConsentsResponseDto> {
    return this.consents.read(caller, contactId);
  }

  @Post('contacts/:contactId/consents')
  @Requires('consents:write')
  @ApiOperation({
    summary: 'Record a grant, withdrawal or objection',
    description:
      'Appends an entry to the ledger; nothing is overwritten. A withdrawal or objection takes effect at once: ' +
      'lists used for the purpose and exports with `purpose` no longer include the contact.',
  })
  @ApiCreatedResponse({ type: ContactConsentsResponseDto })
  recordContactConsent(
    @CurrentUser() caller: Caller,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Body() body: ContactConsentRecordDto,
  ): Promise<ContactConsentsResponseDto> {
    return this.consents.record(caller, contactId, body);
  }

  @Get('contacts/:contactId/consents/receipt')
  @Requires('consents:read')
  @ApiOperation({
    summary: 'Download the consent receipt (JSON)',
    description: 'Every entry with the exact wording shown; `format` names the document version.',
  })
  @ApiOkResponse({ type: ConsentReceiptDto })
  async getContactConsentReceipt(
    @CurrentUser() caller: Caller,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsentReceiptDto> {
    const receipt = await this.consents.receipt(caller, contactId);
    res.setHeader('content-disposition', `attachment; filename="consent-receipt-${contactId}.json"`);
    return receipt;
  }

  @Get('consent-rates')
  @Requires('consents:read')
  @ApiOperation({
    summary: 'Consent rates by purpose over time',
    description:
      'Per day or week and purpose: contacts whose latest entry at the end of the period is a valid basis, out ' +
      'of the contacts with any entry for the purpose by then.',
  })
  @ApiOkResponse({ type: ConsentRatesResponseDto })
  getConsentRates(
    @CurrentUser() caller: Caller,
    @Query() query: ConsentRatesQueryDto,
  ): Promise<ConsentRatesResponseDto> {
    return this.rates.rates(caller, query);
  }
}
