import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires, UsersOnly } from '../identity/identity.decorators.js';
import type { AuthenticatedUser, Caller } from '../identity/identity.types.js';
import { SubscriptionResponseDto, SubscriptionTerminateDto } from './subscriptions.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** The organization's own view of its subscription; terminating and restoring are its owners' acts. */
@ApiTags('subscription')
@Controller('organization/subscription')
export class SubscriptionController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @Requires('subscription:read')
  @ApiOperation({ summary: 'Subscription state, end date, and the purge date once it has ended or been terminated' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  getSubscription(@CurrentUser() caller: Caller): Promise<SubscriptionResponseDto> {
    return this.subscriptions.view(caller);
  }

  @Post('terminate')
  @HttpCode(200)
  @Requires('subscription:terminate')
  @UsersOnly()
  @ApiOperation({
    summary: "Terminate the contract: the organization's data is deleted after the retention period unless restored",
  })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  terminateSubscription(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: SubscriptionTerminateDto,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.terminate(caller, body.confirmName);
  }

  @Post('restore')
  @HttpCode(200)
  @Requires('subscription:terminate')
  @UsersOnly()
  @ApiOperation({ summary: 'Take a termination back before the purge: the subscription returns to its earlier state' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  restoreSubscription(@CurrentUser() caller: AuthenticatedUser): Promise<SubscriptionResponseDto> {
    return this.subscriptions.restore(caller);
  }
}
