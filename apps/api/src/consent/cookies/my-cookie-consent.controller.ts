import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AllowedBeforeMfaEnrolment, Authenticated, CurrentUser } from '../../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../../identity/identity.types.js';
import {
  CookieChoiceDto,
  CookieChoiceResponseDto,
  MyCookieConsentResponseDto,
  toCookieChoiceResponse,
} from './cookie-consent.dto.js';
import { CookieConsentService } from './cookie-consent.service.js';

/** A signed-in user's cookie choice, which follows them from device to device. */
@ApiTags('consent')
@Controller('me/cookie-consent')
export class MyCookieConsentController {
  constructor(private readonly consent: CookieConsentService) {}

  @Get()
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @ApiOperation({
    summary: 'Your latest cookie choice, from any device',
    description: 'The app applies it on a new device without asking again when it is for the current revision.',
  })
  @ApiOkResponse({ type: MyCookieConsentResponseDto })
  async getMyCookieConsent(@CurrentUser() caller: AuthenticatedUser): Promise<MyCookieConsentResponseDto> {
    const [latest, currentRevision] = await Promise.all([
      this.consent.latestOf(caller),
      this.consent.currentRevision(),
    ]);
    return { choice: latest && toCookieChoiceResponse(latest, currentRevision), currentRevision };
  }

  @Post()
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @ApiOperation({
    summary: 'Log your cookie choice as proof of consent',
    description:
      'As the public endpoint, and the entry also names you and your organization, so your other devices can ' +
      'apply it.',
  })
  @ApiCreatedResponse({ type: CookieChoiceResponseDto })
  async recordMyCookieChoice(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: CookieChoiceDto,
    @Req() request: Request,
  ): Promise<CookieChoiceResponseDto> {
    const entry = await this.consent.record(body, { ip: request.ip, user: caller });
    return toCookieChoiceResponse(entry, await this.consent.currentRevision());
  }
}
