import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { withPlatformScope } from '../database/tenant-scope.js';
import { CurrentUser, Requires } from '../identity/identity.decorators.js';
import type { ApiKeyPrincipal } from '../identity/identity.types.js';
import { OperatorSubscriptionResponseDto, OperatorSubscriptionUpdateDto } from './subscriptions.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * The operator's billing integration: a deliberate cross-organization route. Only an API key
 * of the operator organization (OPERATOR_ORGANIZATION) holding subscriptions:manage passes;
 * no role holds that permission and no other organization's key can be given it.
 */
@ApiTags('operator')
@Controller('operator/organizations')
export class OperatorSubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Put(':organizationId/subscription')
  @Requires('subscriptions:manage')
  @ApiOperation({ summary: "Set an organization's subscription state and end date (operator billing integration)" })
  @ApiOkResponse({ type: OperatorSubscriptionResponseDto })
  setOrganizationSubscription(
    @CurrentUser() caller: ApiKeyPrincipal,
    @Param('organizationId', new ParseUUIDPipe()) organizationId: string,
    @Body() body: OperatorSubscriptionUpdateDto,
  ): Promise<OperatorSubscriptionResponseDto> {
    // Row-level security would wall the operator into its own organization: this route is the exception.
    return withPlatformScope(() => this.subscriptions.setByOperator(caller, organizationId, body));
  }
}
