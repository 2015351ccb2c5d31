import { Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DataSubject } from '#personal-data';
import { CreatedAt } from '../../common/location.interceptor.js';
import { Authenticated, CurrentUser, UsersOnly } from '../../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../../identity/identity.types.js';
import { DataExportListResponseDto, DataExportResponseDto, toDataExportResponse } from './data-export.dto.js';
import { DataExportService } from './data-export.service.js';
import { zipFile } from './data-exports.controller.js';

const self = (caller: AuthenticatedUser): DataSubject => ({
  kind: 'user',
  id: caller.userId,
  organizationId: caller.organizationId,
});

/** A signed-in user's own access exports (their privacy center): start, follow, download. */
@ApiTags('privacy')
@Controller('me')
export class MyDataExportsController {
  constructor(private readonly exports: DataExportService) {}

  @Post('data-export')
  @CreatedAt('me/data-exports')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({
    summary: 'Export all your data',
    description:
      'Builds a ZIP of every category of personal data held about you, in the background; follow its progress ' +
      'with GET /me/data-exports/{id}. 409 while an earlier one is still being built.',
  })
  @ApiCreatedResponse({ type: DataExportResponseDto })
  async startMyDataExport(@CurrentUser() caller: AuthenticatedUser): Promise<DataExportResponseDto> {
    return toDataExportResponse((await this.exports.startOwn(self(caller))).export);
  }

  @Get('data-exports')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({ summary: 'Your data exports, newest first' })
  @ApiOkResponse({ type: DataExportListResponseDto })
  async listMyDataExports(@CurrentUser() caller: AuthenticatedUser): Promise<DataExportListResponseDto> {
    return { items: (await this.exports.listOwn(self(caller))).map(toDataExportResponse) };
  }

  @Get('data-exports/:id')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({ summary: 'One of your data exports: status and progress' })
  @ApiOkResponse({ type: DataExportResponseDto })
  async getMyDataExport(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DataExportResponseDto> {
    return toDataExportResponse(await this.exports.getOwn(self(caller), id));
  }

  @Get('data-exports/:id/download')
  @Authenticated()
  @UsersOnly()
  @ApiProduces('application/zip')
  @ApiOperation({
    summary: 'Download one of your data exports',
    description: '409 while it is being built, 410 once it has expired and its file was deleted.',
  })
  @ApiOkResponse({ description: 'The ZIP', schema: { type: 'string', format: 'binary' } })
  async downloadMyDataExport(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    return zipFile(await this.exports.downloadOwn(self(caller), id));
  }
}
