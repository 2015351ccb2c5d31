import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from './access-tokens.js';
import { AuthService } from './auth.service.js';
import { Authenticated, CurrentUser } from './identity.decorators.js';
import { SessionListResponseDto } from './sessions.dto.js';

/** Your own sessions: where you are signed in, and signing devices out. */
@ApiTags('auth')
@Controller('auth/sessions')
export class SessionsController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The devices you are signed in on' })
  @ApiOkResponse({ type: SessionListResponseDto })
  async listSessions(@CurrentUser() caller: AuthenticatedUser): Promise<SessionListResponseDto> {
    return { items: await this.auth.listSessions(caller) };
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Sign one device out' })
  @ApiNoContentResponse()
  async revokeSession(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.auth.revokeSession(caller, id);
  }

  @Post('revoke-all')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Log out everywhere, this device included' })
  @ApiNoContentResponse()
  async revokeAllSessions(@CurrentUser() caller: AuthenticatedUser): Promise<void> {
    await this.auth.revokeAllSessions(caller);
  }
}
