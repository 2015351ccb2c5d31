import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/public.decorator.js';
import { SignInThrottled } from '../../common/rate-limit/rate-limit.guard.js';
import {
  ConsentConfirmDto,
  ConsentConfirmResponseDto,
  ConsentOptInRequestDto,
  PublicConsentPurposesResponseDto,
} from './consent-opt-in.dto.js';
import { ConsentOptInService } from './consent-opt-in.service.js';

/** The organization's public consent form: unauthenticated, rate limited like sign-in. */
@ApiTags('consents')
@Controller('public')
export class ConsentOptInController {
  constructor(private readonly optIn: ConsentOptInService) {}

  @Public()
  @Get('organizations/:slug/consent-purposes')
  @ApiOperation({ summary: "What an organization's public consent form shows: purposes with their current wording" })
  @ApiOkResponse({ type: PublicConsentPurposesResponseDto })
  getPublicConsentPurposes(@Param('slug') slug: string): Promise<PublicConsentPurposesResponseDto> {
    return this.optIn.publicPurposes(slug);
  }

  @Public()
  @SignInThrottled()
  @Post('organizations/:slug/consent-requests')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for consents from the public form (double opt-in)',
    description:
      'Finds the contact by email or creates one, records `pending` entries with the wording versions shown and ' +
      'emails a one-time confirmation link. Answers 202 whether or not the email was known.',
  })
  @ApiAcceptedResponse({ description: 'If the address can receive it, a confirmation link is on its way' })
  async requestConsents(@Param('slug') slug: string, @Body() body: ConsentOptInRequestDto): Promise<void> {
    await this.optIn.request(slug, body);
  }

  @Public()
  @SignInThrottled()
  @Post('consent-confirmations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a double opt-in with the emailed token: records `confirmed` entries' })
  @ApiOkResponse({ type: ConsentConfirmResponseDto })
  confirmConsents(@Body() body: ConsentConfirmDto): Promise<ConsentConfirmResponseDto> {
    return this.optIn.confirm(body.token);
  }
}
