import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdatedSinceQueryDto, updatedSinceOf } from '../common/pagination.dto.js';
import { Authenticated, CurrentUser, UsersOnly } from '../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import { MyPrivacyRequestsService } from './my-privacy-requests.service.js';
import { PrivacyRequestIntakeService } from './privacy-request-intake.service.js';
import {
  MyPrivacyRequestCreateDto,
  MyPrivacyRequestResponseDto,
  MyPrivacyRequestsResponseDto,
} from './privacy-requests.dto.js';

/** A signed-in user's own data-subject requests (the privacy center). */
@ApiTags('privacy-requests')
@Controller('me/privacy-requests')
export class MyPrivacyRequestsController {
  constructor(
    private readonly intake: PrivacyRequestIntakeService,
    private readonly mine: MyPrivacyRequestsService,
  ) {}

  @Get()
  @Authenticated()
  @UsersOnly()
  @ApiOperation({
    summary: 'Your privacy requests and where each stands',
    description: 'Newest first (the latest 100); with `updatedSince`, oldest change first.',
  })
  @ApiOkResponse({ type: MyPrivacyRequestsResponseDto })
  listMyPrivacyRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: UpdatedSinceQueryDto,
  ): Promise<MyPrivacyRequestsResponseDto> {
    return this.mine.list(user, updatedSinceOf(query));
  }

  @Post()
  @Authenticated()
  @UsersOnly()
  @ApiOperation({
    summary: 'File a privacy request as yourself',
    description: 'You are signed in, so no email verification is needed: the request is received at once.',
  })
  @ApiCreatedResponse({ type: MyPrivacyRequestResponseDto })
  createMyPrivacyRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: MyPrivacyRequestCreateDto,
  ): Promise<MyPrivacyRequestResponseDto> {
    return this.intake.submitMine(user, body);
  }

  @Get(':id')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({ summary: 'One of your privacy requests and where it stands' })
  @ApiOkResponse({ type: MyPrivacyRequestResponseDto })
  getMyPrivacyRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<MyPrivacyRequestResponseDto> {
    return this.mine.get(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated()
  @UsersOnly()
  @ApiOperation({ summary: 'Withdraw one of your own requests while it is still open' })
  @ApiOkResponse({ type: MyPrivacyRequestResponseDto })
  cancelMyPrivacyRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<MyPrivacyRequestResponseDto> {
    return this.mine.cancel(user, id);
  }
}
