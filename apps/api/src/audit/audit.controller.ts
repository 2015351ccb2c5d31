import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Authenticated, CurrentUser, Requires, UsersOnly } from '../identity/identity.decorators.js';
import type { AuthenticatedUser, Caller } from '../identity/identity.types.js';
import {
  AuditActionsResponseDto,
  AuditEntryResponseDto,
  AuditExportQueryDto,
  AuditListQueryDto,
  AuditListResponseDto,
  AuditVerificationResponseDto,
  SecurityEventListResponseDto,
} from './audit.dto.js';
import { AUDIT_ACTIONS } from './audit.types.js';
import { AUDIT_EXPORT_COLUMNS, AuditTrailService } from './audit-trail.service.js';

const badSeq = () =>
  new AppError('validation-failed', 'seq must be the whole number of an entry', {
    errors: [{ field: 'seq', message: 'seq must be the whole number of an entry' }],
  });

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly trail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  @Get('audit/entries')
  @Requires('audit:read')
  @ApiOperation({
    summary: 'The audit trail, newest first',
    description: 'Filter by time, actor, action (or a family such as `auth.`), target and outcome; cursor-paginated.',
  })
  @ApiOkResponse({ type: AuditListResponseDto })
  listAuditEntries(@CurrentUser() caller: Caller, @Query() query: AuditListQueryDto): Promise<AuditListResponseDto> {
    return this.trail.list(caller, query);
  }

  @Get('audit/entries/export')
  @Requires('audit:read')
  @ApiProduces('text/csv', 'application/json')
  @ApiOperation({
    summary: 'Every matching entry as CSV or JSON (same filters as the list)',
    description: 'The export is itself recorded in the trail.',
  })
  @ApiOkResponse({ description: `CSV with the columns ${AUDIT_EXPORT_COLUMNS.join(', ')}, or a JSON array` })
  async exportAuditEntries(
    @CurrentUser() caller: Caller,
    @Query() query: AuditExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { format = 'csv', ...filter } = query;
    const body = await this.trail.export(caller, filter, format);
    const day = this.clock.now().toISOString().slice(0, 10);
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit-${day}.${format}"`);
    res.setHeader('cache-control', 'no-store');
    body.pipe(res);
  }

  @Get('audit/entries/:seq')
  @Requires('audit:read')
  @ApiOperation({ summary: 'One entry, by its position in the chain' })
  @ApiOkResponse({ type: AuditEntryResponseDto })
  getAuditEntry(
    @CurrentUser() caller: Caller,
    @Param('seq', new ParseIntPipe({ exceptionFactory: () => badSeq() })) seq: number,
  ): Promise<AuditEntryResponseDto> {
    return this.trail.get(caller, String(seq));
  }

  @Get('audit/actions')
  @Requires('audit:read')
  @ApiOperation({ summary: 'Every action the trail records' })
  @ApiOkResponse({ type: AuditActionsResponseDto })
  listAuditActions(): AuditActionsResponseDto {
    return { items: [...AUDIT_ACTIONS] };
  }

  @Post('audit/verify')
  @Requires('audit:read')
  @HttpCode(200)
  @ApiOperation({
    summary: "Verify the integrity of your organization's trail",
    description:
      'Recomputes the hash chain from the last retention checkpoint to the newest entry and reports the first ' +
      'entry that was altered, removed or reordered. The check itself is recorded.',
  })
  @ApiOkResponse({ type: AuditVerificationResponseDto })
  verifyAuditTrail(@CurrentUser() caller: Caller): Promise<AuditVerificationResponseDto> {
    return this.trail.verify(caller.organizationId);
  }

  @Get('profile/security-events')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({
    summary: 'Your recent security events',
    description: 'Sign-ins (and failed attempts with your address), MFA, password and email changes, API keys.',
  })
  @ApiOkResponse({ type: SecurityEventListResponseDto })
  async listSecurityEvents(@CurrentUser() caller: AuthenticatedUser): Promise<SecurityEventListResponseDto> {
    return { items: await this.trail.securityEvents(caller) };
  }
}
