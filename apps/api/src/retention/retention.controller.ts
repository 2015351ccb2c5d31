import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../identity/identity.decorators.js';
import type { Caller } from '../identity/identity.types.js';
import {
  RetentionPeriodDto,
  RetentionPreviewResponseDto,
  RetentionRuleListResponseDto,
  RetentionRuleResponseDto,
  RetentionRunListQueryDto,
  RetentionRunListResponseDto,
  RetentionRunResponseDto,
} from './retention.dto.js';
import { RetentionService } from './retention.service.js';

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('rules')
  @Requires('retention:read')
  @ApiOperation({
    summary: 'Retention rules: each period, its setting and the sentence the privacy policy states',
    description: 'The purge jobs read the same settings: the period shown is the one enforced.',
  })
  @ApiOkResponse({ type: RetentionRuleListResponseDto })
  async listRetentionRules(@CurrentUser() caller: Caller): Promise<RetentionRuleListResponseDto> {
    return { items: await this.retention.listRules(caller) };
  }

  @Put('rules/:key/period')
  @Requires('retention:configure')
  @ApiOperation({
    summary: 'Set your organization’s own period for a rule that allows one (null: the platform’s)',
    description:
      'Within the rule’s `adjustable` bounds (invoices never below the legal period). The purge and your ' +
      'privacy notice use it from then on; the notice’s next draft shows the changed sentence.',
  })
  @ApiOkResponse({ type: RetentionRuleResponseDto })
  setRetentionPeriod(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Body() body: RetentionPeriodDto,
  ): Promise<RetentionRuleResponseDto> {
    return this.retention.setPeriod(caller, key, body.value);
  }

  @Get('rules/:key/preview')
  @Requires('retention:read')
  @ApiOperation({
    summary: 'Dry run: what the rule would purge in your organization now',
    description:
      'Counts (eligible and kept under a legal hold), a few ids, and when the next rows expire. Purges nothing.',
  })
  @ApiOkResponse({ type: RetentionPreviewResponseDto })
  previewRetentionRule(@CurrentUser() caller: Caller, @Param('key') key: string): Promise<RetentionPreviewResponseDto> {
    return this.retention.preview(caller, key);
  }

  @Post('rules/:key/runs')
  @HttpCode(202)
  @Requires('retention:run')
  @ApiOperation({
    summary: 'Run the rule now over your organization',
    description:
      'Fixes the cut-off now and purges in the background in bounded batches; follow `GET /retention/runs/{id}`. ' +
      '409 `rule-running` while a run of the rule is going on.',
  })
  @ApiAcceptedResponse({ type: RetentionRunResponseDto })
  runRetentionRule(@CurrentUser() caller: Caller, @Param('key') key: string): Promise<RetentionRunResponseDto> {
    return this.retention.requestRun(caller, key);
  }

  @Get('runs')
  @Requires('retention:read')
  @ApiOperation({
    summary: 'Purge history: every scheduled run and your on-demand ones, with your organization’s counts',
  })
  @ApiOkResponse({ type: RetentionRunListResponseDto })
  listRetentionRuns(
    @CurrentUser() caller: Caller,
    @Query() query: RetentionRunListQueryDto,
  ): Promise<RetentionRunListResponseDto> {
    return this.retention.listRuns(caller, query.rule, query.cursor, query.limit);
  }

  @Get('runs/:id')
  @Requires('retention:read')
  @ApiOperation({
    summary: 'One run: its receipt for your organization (setting value, cut-off, counts, held, outcome)',
  })
  @ApiOkResponse({ type: RetentionRunResponseDto })
  getRetentionRun(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RetentionRunResponseDto> {
    return this.retention.getRun(caller, id);
  }
}
