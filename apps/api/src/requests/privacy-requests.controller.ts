import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../identity/identity.decorators.js';
import type { Caller } from '../identity/identity.types.js';
import { PrivacyRequestActionsService } from './privacy-request-actions.service.js';
import { PrivacyRequestDeskService } from './privacy-request-desk.service.js';
import { PrivacyRequestIntakeService } from './privacy-request-intake.service.js';
import {
  PrivacyRequestActionDto,
  PrivacyRequestAssignDto,
  PrivacyRequestCorrectionDecisionDto,
  PrivacyRequestDetailDto,
  PrivacyRequestExtendDto,
  PrivacyRequestListQueryDto,
  PrivacyRequestListResponseDto,
  PrivacyRequestLogDto,
  PrivacyRequestMatchDto,
  PrivacyRequestRejectDto,
  PrivacyRequestStatsQueryDto,
  PrivacyRequestStatsResponseDto,
} from './privacy-requests.dto.js';

const id = () => new ParseUUIDPipe();

/** The request desk: privacy officers answer data-subject requests within their deadline. */
@ApiTags('privacy-requests')
@Controller('privacy-requests')
export class PrivacyRequestsController {
  constructor(
    private readonly desk: PrivacyRequestDeskService,
    private readonly actions: PrivacyRequestActionsService,
    private readonly intake: PrivacyRequestIntakeService,
  ) {}

  @Get()
  @Requires('requests:read')
  @ApiOperation({
    summary: 'The request desk: requests newest first, with deadlines',
    description:
      '`daysLeft` and `overdue` follow the server clock. Filters: status, type, assignee (`me`), `overdue=true`; ' +
      '`q` is an email address (matched by blind index) or a request id.',
  })
  @ApiOkResponse({ type: PrivacyRequestListResponseDto })
  listPrivacyRequests(
    @CurrentUser() caller: Caller,
    @Query() query: PrivacyRequestListQueryDto,
  ): Promise<PrivacyRequestListResponseDto> {
    return this.desk.list(caller, query);
  }

  @Get('stats')
  @Requires('requests:read')
  @ApiOperation({ summary: 'Requests by type and month received, and mean days to close' })
  @ApiOkResponse({ type: PrivacyRequestStatsResponseDto })
  getPrivacyRequestStats(
    @CurrentUser() caller: Caller,
    @Query() query: PrivacyRequestStatsQueryDto,
  ): Promise<PrivacyRequestStatsResponseDto> {
    return this.desk.stats(caller, query);
  }

  @Post()
  @Requires('requests:write')
  @ApiOperation({
    summary: 'Log a request received by email, phone, post or in person',
    description:
      'Say how the requester’s identity was checked; the request is received at once and acknowledged by email.',
  })
  @ApiCreatedResponse({ type: PrivacyRequestDetailDto })
  async logPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Body() body: PrivacyRequestLogDto,
  ): Promise<PrivacyRequestDetailDto> {
    return this.desk.get(caller, await this.intake.log(caller, body));
  }

  @Get(':id')
  @Requires('requests:read')
  @ApiOperation({ summary: 'One request: details, candidate matches and its history' })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  getPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
  ): Promise<PrivacyRequestDetailDto> {
    return this.desk.get(caller, requestId);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({ summary: 'Assign the request to a privacy officer (or unassign with null)' })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async assignPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestAssignDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.assign(caller, requestId, body);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/matches')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({
    summary: 'Confirm which users and contacts the requester is',
    description:
      'Only candidates (same email by blind index) can be confirmed. An objection or a withdrawal of consent is ' +
      'applied to the confirmed contacts’ consent ledger at once (marketing purposes).',
  })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async confirmPrivacyRequestMatch(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestMatchDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.confirmMatch(caller, requestId, body);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({
    summary: 'Extend the deadline once, by up to two months',
    description: 'The reason is emailed to the requester. A second extension answers 409.',
  })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async extendPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestExtendDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.extend(caller, requestId, body);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({ summary: 'Start work on the request (or resume after waiting for the requester)' })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async startPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestActionDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.start(caller, requestId, body.version);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/await-requester')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({ summary: 'Wait for the requester (more information needed)' })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async awaitPrivacyRequester(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestActionDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.awaitRequester(caller, requestId, body.version);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({
    summary: 'Complete the request',
    description:
      'Emails the requester. An erasure or a minor’s report starts the durable erasure of each confirmed person; ' +
      'access and portability record that the export is pending.',
  })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async completePrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestActionDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.complete(caller, requestId, body.version);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({ summary: 'Reject the request with a reason (emailed to the requester)' })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async rejectPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestRejectDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.reject(caller, requestId, body);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({
    summary: 'Apply or keep one correction a rectification proposes',
    description:
      'apply: the proposed value goes into each confirmed person’s record through the contacts or users service ' +
      '(their validation and audit apply), then the history records the field name (never the value) and ' +
      '`subject.rectified` is written to the webhook outbox. keep: the record stays as it is.',
  })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async decidePrivacyRequestCorrection(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestCorrectionDecisionDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.decideCorrection(caller, requestId, body);
    return this.desk.get(caller, requestId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires('requests:write')
  @ApiOperation({ summary: 'Cancel the request (the requester withdrew it, or it was filed twice)' })
  @ApiOkResponse({ type: PrivacyRequestDetailDto })
  async cancelPrivacyRequest(
    @CurrentUser() caller: Caller,
    @Param('id', id()) requestId: string,
    @Body() body: PrivacyRequestActionDto,
  ): Promise<PrivacyRequestDetailDto> {
    await this.actions.cancel(caller, requestId, body.version);
    return this.desk.get(caller, requestId);
  }
}
