import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { RestrictionApplyDto, RestrictionResponseDto } from '../../personal-data/restriction.dto.js';
import { ActivityListResponseDto } from '../crm.dto.js';
import {
  ClientCreateDto,
  ClientListQueryDto,
  ClientListResponseDto,
  ClientResponseDto,
  ClientUpdateDto,
} from './clients.dto.js';
import { ClientsService } from './clients.service.js';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Requires('clients:read')
  @ApiOperation({
    summary: 'Clients, newest first',
    description:
      'Cursor-paginated. `q` finds words (and word beginnings) in names, emails, company names, cities and ' +
      'postcodes, and the last digits of phone numbers, without the server ever storing them in clear.',
  })
  @ApiOkResponse({ type: ClientListResponseDto })
  async listClients(@CurrentUser() caller: Caller, @Query() query: ClientListQueryDto): Promise<ClientListResponseDto> {
    return this.clients.list(caller, query);
  }

  @Post()
  @Requires('clients:write')
  @ApiOperation({ summary: 'Add a client' })
  @ApiCreatedResponse({ type: ClientResponseDto })
  createClient(@CurrentUser() caller: Caller, @Body() body: ClientCreateDto): Promise<ClientResponseDto> {
    return this.clients.create(caller, body);
  }

  @Get(':id')
  @Requires('clients:read')
  @ApiOperation({ summary: 'One client' })
  @ApiOkResponse({ type: ClientResponseDto })
  getClient(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<ClientResponseDto> {
    return this.clients.view(caller, id);
  }

  @Patch(':id')
  @Requires('clients:write')
  @ApiOperation({ summary: 'Change a client', description: 'Send the `version` you read; a stale one answers 409.' })
  @ApiOkResponse({ type: ClientResponseDto })
  updateClient(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ClientUpdateDto,
  ): Promise<ClientResponseDto> {
    return this.clients.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('clients:write')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a client',
    description: 'Its jobs, appointments and communications go too; its invoices stay (they are kept for 7 years).',
  })
  @ApiNoContentResponse()
  async deleteClient(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.clients.delete(caller, id);
  }

  @Get(':id/activity')
  @Requires('clients:read')
  @ApiOperation({ summary: 'Who created and changed the client, and which fields (never the values)' })
  @ApiOkResponse({ type: ActivityListResponseDto })
  async getClientActivity(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityListResponseDto> {
    return { items: await this.clients.activityOf(caller, id) };
  }

  @Put(':id/restriction')
  @Requires('restrictions:write')
  @ApiOperation({
    summary: 'Restrict processing of the client (GDPR Art. 18)',
    description:
      'The client becomes read-only (changes answer 409) and is left out of marketing lists and exports until the ' +
      'restriction is lifted. Audited with the reason code; announced as the `subject.restricted` webhook. ' +
      'Idempotent: restricting a restricted client changes nothing.',
  })
  @ApiOkResponse({ type: RestrictionResponseDto })
  restrictClient(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RestrictionApplyDto,
  ): Promise<RestrictionResponseDto> {
    return this.clients.setRestriction(caller, id, body.reason);
  }

  @Delete(':id/restriction')
  @Requires('restrictions:write')
  @ApiOperation({
    summary: 'Lift the restriction of processing of the client',
    description: 'Audited; announced as the `subject.restricted` webhook with `restricted: false`. Idempotent.',
  })
  @ApiOkResponse({ type: RestrictionResponseDto })
  liftClientRestriction(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RestrictionResponseDto> {
    return this.clients.setRestriction(caller, id, null);
  }
}
