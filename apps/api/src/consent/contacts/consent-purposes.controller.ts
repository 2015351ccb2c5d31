import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { updatedSinceOf } from '../../common/pagination.dto.js';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import {
  ConsentPurposeArchiveDto,
  ConsentPurposeCreateDto,
  ConsentPurposeDetailResponseDto,
  ConsentPurposeListQueryDto,
  ConsentPurposeListResponseDto,
  ConsentPurposeUpdateDto,
} from './consent-purposes.dto.js';
import { ConsentPurposesService } from './consent-purposes.service.js';

@ApiTags('consents')
@Controller('consent-purposes')
export class ConsentPurposesController {
  constructor(private readonly purposes: ConsentPurposesService) {}

  @Get()
  @Requires('consents:read')
  @ApiOperation({
    summary: 'The consent purposes of the organization',
    description:
      'Every new organization starts with marketing-email, marketing-sms, marketing-phone and profiling. By name; ' +
      'with `updatedSince`, oldest change first, archived purposes included (archiving is a change).',
  })
  @ApiOkResponse({ type: ConsentPurposeListResponseDto })
  async listConsentPurposes(
    @CurrentUser() caller: Caller,
    @Query() query: ConsentPurposeListQueryDto,
  ): Promise<ConsentPurposeListResponseDto> {
    return { items: await this.purposes.list(caller, query.includeArchived ?? false, updatedSinceOf(query)) };
  }

  @Post()
  @Requires('privacy-policy:write')
  @ApiOperation({ summary: 'Add a consent purpose, with its first wording' })
  @ApiCreatedResponse({ type: ConsentPurposeDetailResponseDto })
  createConsentPurpose(
    @CurrentUser() caller: Caller,
    @Body() body: ConsentPurposeCreateDto,
  ): Promise<ConsentPurposeDetailResponseDto> {
    return this.purposes.create(caller, body);
  }

  @Get(':id')
  @Requires('consents:read')
  @ApiOperation({ summary: 'One consent purpose with every wording version' })
  @ApiOkResponse({ type: ConsentPurposeDetailResponseDto })
  getConsentPurpose(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ConsentPurposeDetailResponseDto> {
    return this.purposes.get(caller, id);
  }

  @Patch(':id')
  @Requires('privacy-policy:write')
  @ApiOperation({
    summary: 'Change a purpose',
    description:
      'A new `wording` becomes the next wording version; earlier versions stay, since ledger entries point at ' +
      'the exact words shown. The key cannot change. Send the `version` you read; a stale one answers 409.',
  })
  @ApiOkResponse({ type: ConsentPurposeDetailResponseDto })
  updateConsentPurpose(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ConsentPurposeUpdateDto,
  ): Promise<ConsentPurposeDetailResponseDto> {
    return this.purposes.update(caller, id, body);
  }

  @Post(':id/archive')
  @Requires('privacy-policy:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a purpose: nothing new is granted for it; its ledger entries stay' })
  @ApiOkResponse({ type: ConsentPurposeDetailResponseDto })
  archiveConsentPurpose(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ConsentPurposeArchiveDto,
  ): Promise<ConsentPurposeDetailResponseDto> {
    return this.purposes.archive(caller, id, body.version);
  }
}
