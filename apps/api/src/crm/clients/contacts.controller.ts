import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CONTACT_CSV_COLUMNS, CONTACT_EXPORT_COLUMNS, MAX_IMPORT_ROWS } from '#csv';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { RestrictionApplyDto, RestrictionResponseDto } from '../../personal-data/restriction.dto.js';
import { ActivityListResponseDto } from '../crm.dto.js';
import {
  ContactCreateDto,
  ContactExportQueryDto,
  ContactImportQueryDto,
  ContactImportResponseDto,
  ContactListQueryDto,
  ContactListResponseDto,
  ContactResponseDto,
  ContactUpdateDto,
} from './contacts.dto.js';
import { ContactsService } from './contacts.service.js';
import { ContactsTransferService } from './contacts-transfer.service.js';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly transfer: ContactsTransferService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('clients:read')
  @ApiOperation({
    summary: 'Contacts, newest first',
    description:
      'Cursor-paginated. `q` finds words (and word beginnings) in names, emails, job titles, cities and postcodes, ' +
      'and the last digits of phone numbers. `listId` gives the contacts of a contact list.',
  })
  @ApiOkResponse({ type: ContactListResponseDto })
  listContacts(@CurrentUser() caller: Caller, @Query() query: ContactListQueryDto): Promise<ContactListResponseDto> {
    return this.contacts.list(caller, query);
  }

  @Get('export')
  @Requires('clients:read')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The filtered contacts as CSV (same filters as the list; all pages)',
    description:
      'UTF-8 with a byte-order mark (Excel opens it right). The client, branch and owner are named, not given by id; ' +
      'cells a spreadsheet would run as a formula start with an apostrophe. The import reads the file back.',
  })
  @ApiOkResponse({ description: `CSV with the columns ${CONTACT_EXPORT_COLUMNS.join(', ')}` })
  async exportContacts(
    @CurrentUser() caller: Caller,
    @Query() query: ContactExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const csv = await this.transfer.exportCsv(caller, query);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="contacts-${this.clock.now().toISOString().slice(0, 10)}.csv"`,
    );
    res.setHeader('cache-control', 'no-store');
    csv.pipe(res);
  }

  @Post('import')
  @Requires('clients:write')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `CSV (UTF-8; comma, semicolon or tab) with a header row. Columns (any order, case and spacing): ${CONTACT_CSV_COLUMNS.join(', ')}; client and branch by name or id. At most ${MAX_IMPORT_ROWS} rows per request. The rules: docs/api-guide.md, "CSV import and export".`,
    schema: {
      type: 'string',
      example: 'fullName,email,phone,branch,tags\nRita Rivers,rita@example.test,+44 113 496 0000,Leeds,vip',
    },
  })
  @ApiOperation({
    summary: 'Import contacts from CSV',
    description:
      'Each row is validated on its own; valid rows are created together, invalid ones are reported with their row ' +
      'number and field. Large files: send chunks with `firstRow` so row numbers stay right. `dryRun` only validates.',
  })
  @ApiOkResponse({ type: ContactImportResponseDto })
  importContacts(
    @CurrentUser() caller: Caller,
    @Query() query: ContactImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<ContactImportResponseDto> {
    if (!contentType?.startsWith('text/csv') || typeof body !== 'string') {
      throw new AppError('unsupported-media-type', 'Send the CSV as the request body with Content-Type: text/csv');
    }
    return this.transfer.importCsv(caller, body, query.firstRow ?? 1, query.dryRun ?? false);
  }

  @Post()
  @Requires('clients:write')
  @ApiOperation({ summary: 'Add a contact' })
  @ApiCreatedResponse({ type: ContactResponseDto })
  createContact(@CurrentUser() caller: Caller, @Body() body: ContactCreateDto): Promise<ContactResponseDto> {
    return this.contacts.create(caller, body);
  }

  @Get(':id')
  @Requires('clients:read')
  @ApiOperation({ summary: 'One contact' })
  @ApiOkResponse({ type: ContactResponseDto })
  getContact(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<ContactResponseDto> {
    return this.contacts.view(caller, id);
  }

  @Patch(':id')
  @Requires('clients:write')
  @ApiOperation({ summary: 'Change a contact', description: 'Send the `version` you read; a stale one answers 409.' })
  @ApiOkResponse({ type: ContactResponseDto })
  updateContact(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ContactUpdateDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('clients:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact and the communications logged with them' })
  @ApiNoContentResponse()
  async deleteContact(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.contacts.delete(caller, id);
  }

  @Get(':id/activity')
  @Requires('clients:read')
  @ApiOperation({ summary: 'Who created and changed the contact, and which fields (never the values)' })
  @ApiOkResponse({ type: ActivityListResponseDto })
  async getContactActivity(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityListResponseDto> {
    return { items: await this.contacts.activityOf(caller, id) };
  }

  @Put(':id/restriction')
  @Requires('restrictions:write')
  @ApiOperation({
    summary: 'Restrict processing of the contact (GDPR Art. 18)',
    description:
      'The contact becomes read-only (changes answer 409) and is left out of marketing lists and exports until the ' +
      'restriction is lifted. Audited with the reason code; announced as the `subject.restricted` webhook. ' +
      'Idempotent: restricting a restricted contact changes nothing.',
  })
  @ApiOkResponse({ type: RestrictionResponseDto })
  restrictContact(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RestrictionApplyDto,
  ): Promise<RestrictionResponseDto> {
    return this.contacts.setRestriction(caller, id, body.reason);
  }

  @Delete(':id/restriction')
  @Requires('restrictions:write')
  @ApiOperation({
    summary: 'Lift the restriction of processing of the contact',
    description: 'Audited; announced as the `subject.restricted` webhook with `restricted: false`. Idempotent.',
  })
  @ApiOkResponse({ type: RestrictionResponseDto })
  liftContactRestriction(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RestrictionResponseDto> {
    return this.contacts.setRestriction(caller, id, null);
  }
}
