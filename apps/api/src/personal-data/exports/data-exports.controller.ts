import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/public.decorator.js';
import { SignInThrottled } from '../../common/rate-limit/rate-limit.guard.js';
import { AppSettings } from '../../config/settings.module.js';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import {
  DataExportDownloadQueryDto,
  DataExportResponseDto,
  DataExportStartDto,
  DataExportStartedResponseDto,
  toDataExportResponse,
} from './data-export.dto.js';
import { DataExportService, type ExportDownload } from './data-export.service.js';

export const zipFile = (download: ExportDownload): StreamableFile =>
  new StreamableFile(download.zip, {
    type: 'application/zip',
    disposition: `attachment; filename="${download.fileName}"`,
    length: download.zip.length,
  });

/** Access exports a privacy officer starts for a data subject, and the link the subject downloads with. */
@ApiTags('privacy')
@Controller('data-exports')
export class DataExportsController {
  constructor(
    private readonly exports: DataExportService,
    private readonly settings: AppSettings,
  ) {}

  @Post()
  @Requires('exports:write')
  @ApiOperation({
    summary: 'Start an access export of a data subject',
    description:
      'Every category the personal-data registry lists for the subject, as a ZIP built in the background ' +
      '(manifest.json, JSON per category, CSV for tabular ones). The answer carries the download link once; ' +
      'hand it to the person only after verifying them. 404 when the organization holds no data about the subject.',
  })
  @ApiCreatedResponse({ type: DataExportStartedResponseDto })
  async startDataExport(
    @CurrentUser() caller: Caller,
    @Body() body: DataExportStartDto,
  ): Promise<DataExportStartedResponseDto> {
    const started = await this.exports.startForSubject(
      { kind: body.subjectKind, id: body.subjectId, organizationId: caller.organizationId },
      caller.kind === 'user' ? caller.userId : null,
    );
    return {
      ...toDataExportResponse(started.export),
      downloadUrl: `${this.settings.appUrl}/api/v1/data-exports/${started.export.id}/download?token=${started.token}`,
    };
  }

  @Get(':id')
  @Requires('exports:read')
  @ApiOperation({ summary: 'An access export’s status and progress' })
  @ApiOkResponse({ type: DataExportResponseDto })
  async getDataExport(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DataExportResponseDto> {
    return toDataExportResponse(await this.exports.get(caller.organizationId, id));
  }

  @Public()
  @SignInThrottled()
  @Get(':id/download')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary: 'Download an access export with its link',
    description:
      'The decrypted ZIP. 404 for an unknown export or a wrong token, 409 while it is being built, 410 once the ' +
      'link has expired and the file was deleted.',
  })
  @ApiOkResponse({ description: 'The ZIP', schema: { type: 'string', format: 'binary' } })
  async downloadDataExport(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DataExportDownloadQueryDto,
  ): Promise<StreamableFile> {
    return zipFile(await this.exports.downloadWithToken(id, query.token ?? ''));
  }
}
