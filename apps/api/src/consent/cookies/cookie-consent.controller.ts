import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/public.decorator.js';
import { SignInThrottled } from '../../common/rate-limit/rate-limit.guard.js';
import {
  CookieChoiceDto,
  CookieChoiceResponseDto,
  CookiePolicyResponseDto,
  toCookieChoiceResponse,
} from './cookie-consent.dto.js';
import { CookieConsentService } from './cookie-consent.service.js';

/** The consent manager's two public calls: what to ask, and logging what a visitor chose. */
@ApiTags('consent')
@Controller('consent/cookies')
export class CookieConsentController {
  constructor(private readonly consent: CookieConsentService) {}

  @Public()
  @Get('policy')
  @ApiOperation({
    summary: 'The cookie categories and the cookie policy revision in force',
    description: 'A choice made for an earlier revision is asked again.',
  })
  @ApiOkResponse({ type: CookiePolicyResponseDto })
  async getCookiePolicy(): Promise<CookiePolicyResponseDto> {
    return this.consent.policy();
  }

  @Public()
  // A public write: the stricter per-address budget of the other unauthenticated writes.
  @SignInThrottled()
  @Post()
  @ApiOperation({
    summary: 'Log a visitor’s cookie choice as proof of consent',
    description:
      'For visitors who are not signed in (signed-in users post to /me/cookie-consent). The server records ' +
      'its own time and the network of the caller (IPv4 /24, IPv6 /48), never the full address. `essential` ' +
      'must be accepted; an unknown category is refused with 400 naming it.',
  })
  @ApiCreatedResponse({ type: CookieChoiceResponseDto })
  async recordCookieChoice(@Body() body: CookieChoiceDto, @Req() request: Request): Promise<CookieChoiceResponseDto> {
    const entry = await this.consent.record(body, { ip: request.ip });
    return toCookieChoiceResponse(entry, await this.consent.currentRevision());
  }
}
