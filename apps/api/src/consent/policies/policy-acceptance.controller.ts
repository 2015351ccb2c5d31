import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpenBeforePolicyAcceptance } from '../../common/policy-acceptance.decorator.js';
import { Authenticated, CurrentUser, UsersOnly } from '../../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../../identity/identity.types.js';
import { PolicyAcceptanceStatusDto, PolicyAcceptDto } from './policies.dto.js';
import { PolicyAcceptanceService } from './policy-acceptance.service.js';

/** Your acceptance of the platform's privacy policy. */
@ApiTags('privacy policy')
@Authenticated()
@UsersOnly()
@OpenBeforePolicyAcceptance()
@Controller('me/privacy-policy')
export class PolicyAcceptanceController {
  constructor(private readonly acceptance: PolicyAcceptanceService) {}

  @Get()
  @ApiOperation({ summary: 'The current policy version, the one you accepted, and whether you must accept it' })
  @ApiOkResponse({ type: PolicyAcceptanceStatusDto })
  status(@CurrentUser() user: AuthenticatedUser): Promise<PolicyAcceptanceStatusDto> {
    return this.acceptance.status(user.organizationId, user.userId);
  }

  @Post('acceptance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the current version (send the number you read; another number is refused with 409)',
  })
  @ApiOkResponse({ type: PolicyAcceptanceStatusDto })
  accept(@CurrentUser() user: AuthenticatedUser, @Body() body: PolicyAcceptDto): Promise<PolicyAcceptanceStatusDto> {
    return this.acceptance.accept(user, body.number);
  }
}
