import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdatedSinceQueryDto, updatedSinceOf } from '../common/pagination.dto.js';
import type { AuthenticatedUser } from './access-tokens.js';
import {
  ApiKeyCreateDto,
  ApiKeyCreatedResponseDto,
  ApiKeyListResponseDto,
  ApiKeyResponseDto,
  toApiKeyResponse,
} from './api-keys.dto.js';
import { ApiKeysService } from './api-keys.service.js';
import { CurrentUser, Requires, UsersOnly } from './identity.decorators.js';

@ApiTags('api-keys')
@Controller('api-keys')
@UsersOnly()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Requires('api-keys:manage')
  @ApiOperation({
    summary: 'API keys of your organization (never their secrets)',
    description:
      'Newest first; with `updatedSince`, oldest change first. A use and a revocation change a key; reaching ' +
      '`expiresAt` does not.',
  })
  @ApiOkResponse({ type: ApiKeyListResponseDto })
  async listApiKeys(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: UpdatedSinceQueryDto,
  ): Promise<ApiKeyListResponseDto> {
    return { items: (await this.apiKeys.list(caller, updatedSinceOf(query))).map(toApiKeyResponse) };
  }

  @Post()
  @Requires('api-keys:manage')
  @ApiOperation({ summary: 'Create an API key; the secret is in this answer only' })
  @ApiCreatedResponse({ type: ApiKeyCreatedResponseDto })
  async createApiKey(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ApiKeyCreateDto,
  ): Promise<ApiKeyCreatedResponseDto> {
    const { key, secret } = await this.apiKeys.create(caller, body);
    return { apiKey: toApiKeyResponse(key), secret };
  }

  @Get(':id')
  @Requires('api-keys:manage')
  @ApiOperation({ summary: 'One API key (never its secret)' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  async getApiKey(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ApiKeyResponseDto> {
    return toApiKeyResponse(await this.apiKeys.get(caller, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('api-keys:manage')
  @ApiOperation({ summary: 'Revoke an API key at once' })
  @ApiNoContentResponse()
  async revokeApiKey(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.apiKeys.revoke(caller, id);
  }
}
