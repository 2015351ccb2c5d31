import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import { PrivacyRequestIntakeService } from './privacy-request-intake.service.js';
import {
  PrivacyRequestVerifiedResponseDto,
  PrivacyRequestVerifyDto,
  PublicPrivacyRequestDto,
} from './privacy-requests.dto.js';

/** The organization's public request form: no account, rate limited like sign-in, verified by email. */
@ApiTags('privacy-requests')
@Controller('public')
export class PublicPrivacyRequestsController {
  constructor(private readonly intake: PrivacyRequestIntakeService) {}

  @Public()
  @SignInThrottled()
  @Post('organizations/:slug/privacy-requests')
  @HttpCode(202)
  @ApiOperation({
    summary: 'File a data-subject request from the public form',
    description:
      'Stores the request as unverified and emails a one-time link; nothing happens until it is followed, and ' +
      'unverified requests expire. Answers 202 with no body whether or not the email is known to the organization.',
  })
  @ApiAcceptedResponse({ description: 'If the address can receive it, a verification link is on its way' })
  async submitPublicPrivacyRequest(@Param('slug') slug: string, @Body() body: PublicPrivacyRequestDto): Promise<void> {
    await this.intake.submitPublic(slug, body);
  }

  @Public()
  @SignInThrottled()
  @Post('privacy-requests/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify a public request with the emailed token',
    description: 'The request is received from now: its deadline runs and the requester gets a confirmation email.',
  })
  @ApiOkResponse({ type: PrivacyRequestVerifiedResponseDto })
  verifyPrivacyRequest(@Body() body: PrivacyRequestVerifyDto): Promise<PrivacyRequestVerifiedResponseDto> {
    return this.intake.verify(body.token);
  }
}
