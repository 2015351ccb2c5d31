import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, CurrentUser, Requires } from '../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import {
  UsageEventBatchDto,
  UsageEventBatchResponseDto,
  UsageReportQueryDto,
  UsageReportResponseDto,
} from './analytics.dto.js';
import { AnalyticsService } from './analytics.service.js';
import { UsageReportService } from './usage-report.service.js';

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly reports: UsageReportService,
  ) {}

  @Post('events')
  @HttpCode(202)
  @Authenticated()
  @ApiOperation({
    summary: 'Send anonymized usage events (page views, features used)',
    description:
      'Only with analytics consent: `consentId` must be one whose latest logged cookie choice accepts ' +
      '`analytics` for the current cookie policy revision, otherwise 403 `analytics-consent-required`. Names ' +
      'are route patterns (/contacts/:id) or feature names, never ids or query strings. Stored with the ' +
      'organization, the day, the browser family and a daily session hash only: no user, no address, no user ' +
      'agent, no consent id. The hash is keyed with a random salt of the day that is deleted after 48 hours.',
  })
  @ApiAcceptedResponse({ type: UsageEventBatchResponseDto })
  async recordUsageEvents(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: UsageEventBatchDto,
    @Req() req: Request,
  ): Promise<UsageEventBatchResponseDto> {
    // The address (after TRUST_PROXY_HOPS) and user agent feed the session hash in memory only.
    const origin = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    return { accepted: await this.analytics.record(caller, body, origin) };
  }

  @Get('usage')
  @Requires('analytics:read')
  @ApiOperation({
    summary: 'Usage of the product over time: pages visited and features used per day',
    description:
      'From the anonymized daily counts of your organization (rolled up nightly, so today and events not yet ' +
      'rolled up are not in them). `from` and `to` are UTC days, inclusive, at most 400 days apart. Sessions ' +
      'are one browser on one day; nothing here identifies a person.',
  })
  @ApiOkResponse({ type: UsageReportResponseDto })
  getUsageReport(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: UsageReportQueryDto,
  ): Promise<UsageReportResponseDto> {
    return this.reports.report(caller, query);
  }
}
