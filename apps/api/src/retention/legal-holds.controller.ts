import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE } from '../common/pagination.dto.js';
import { CurrentUser, Requires } from '../identity/identity.decorators.js';
import type { Caller } from '../identity/identity.types.js';
import { LegalHoldsService } from './legal-holds.service.js';
import {
  LegalHoldCreateDto,
  LegalHoldListQueryDto,
  LegalHoldListResponseDto,
  LegalHoldReleaseDto,
  LegalHoldResponseDto,
  toLegalHoldResponse,
} from './retention.dto.js';
import { encodeCursorAt, offsetOf } from './retention.service.js';

@ApiTags('retention')
@Controller('legal-holds')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHoldsService) {}

  @Get()
  @Requires('legal-holds:read')
  @ApiOperation({ summary: 'Legal holds of your organization, newest first (active and released)' })
  @ApiOkResponse({ type: LegalHoldListResponseDto })
  async listLegalHolds(
    @CurrentUser() caller: Caller,
    @Query() query: LegalHoldListQueryDto,
  ): Promise<LegalHoldListResponseDto> {
    const offset = offsetOf(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.holds.list(
      caller,
      { active: query.active, scope: query.scope, targetId: query.targetId },
      offset,
      limit,
    );
    return { items: items.map(toLegalHoldResponse), total, nextCursor: encodeCursorAt(offset, items.length, total) };
  }

  @Post()
  @Requires('legal-holds:write')
  @ApiOperation({
    summary: 'Set a legal hold on your organization, a data subject or a record',
    description:
      'While the hold is active no retention rule purges what it covers and no erasure of a covered subject ' +
      'proceeds (it waits and resumes on release). Subjects: client, contact, user. Records: the kinds ' +
      '`targetKind` lists in a 400 answer (invoice, job, communication…).',
  })
  @ApiCreatedResponse({ type: LegalHoldResponseDto })
  async createLegalHold(
    @CurrentUser() caller: Caller,
    @Body() body: LegalHoldCreateDto,
  ): Promise<LegalHoldResponseDto> {
    return toLegalHoldResponse(await this.holds.set(caller, body));
  }

  @Get(':id')
  @Requires('legal-holds:read')
  @ApiOperation({ summary: 'One legal hold' })
  @ApiOkResponse({ type: LegalHoldResponseDto })
  async getLegalHold(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<LegalHoldResponseDto> {
    return toLegalHoldResponse(await this.holds.get(caller, id));
  }

  @Post(':id/release')
  @HttpCode(200)
  @Requires('legal-holds:write')
  @ApiOperation({
    summary: 'Release a legal hold (it stays on record); what it kept is purged by the next run if expired',
  })
  @ApiOkResponse({ type: LegalHoldResponseDto })
  async releaseLegalHold(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: LegalHoldReleaseDto,
  ): Promise<LegalHoldResponseDto> {
    return toLegalHoldResponse(await this.holds.release(caller, id, body.reason));
  }
}
