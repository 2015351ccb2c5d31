import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import {
  CommunicationCreateDto,
  CommunicationListQueryDto,
  CommunicationListResponseDto,
  CommunicationResponseDto,
  CommunicationUpdateDto,
} from './communications.dto.js';
import { CommunicationsService } from './communications.service.js';

@ApiTags('communications')
@Controller('communications')
export class CommunicationsController {
  constructor(private readonly communications: CommunicationsService) {}

  @Get()
  @Requires('communications:read')
  @ApiOperation({
    summary: 'The communication timeline, newest first',
    description:
      "With `clientId`: the client's timeline, its contacts' calls and emails included. With `contactId`: one person's.",
  })
  @ApiOkResponse({ type: CommunicationListResponseDto })
  listCommunications(
    @CurrentUser() caller: Caller,
    @Query() query: CommunicationListQueryDto,
  ): Promise<CommunicationListResponseDto> {
    return this.communications.list(caller, query);
  }

  @Post()
  @Requires('communications:write')
  @ApiOperation({ summary: 'Log a call, email, meeting or note with a client and/or contact' })
  @ApiCreatedResponse({ type: CommunicationResponseDto })
  createCommunication(
    @CurrentUser() caller: Caller,
    @Body() body: CommunicationCreateDto,
  ): Promise<CommunicationResponseDto> {
    return this.communications.create(caller, body);
  }

  @Get(':id')
  @Requires('communications:read')
  @ApiOperation({ summary: 'One communication' })
  @ApiOkResponse({ type: CommunicationResponseDto })
  getCommunication(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CommunicationResponseDto> {
    return this.communications.view(caller, id);
  }

  @Patch(':id')
  @Requires('communications:write')
  @ApiOperation({ summary: 'Correct a communication (agents: only their own)' })
  @ApiOkResponse({ type: CommunicationResponseDto })
  updateCommunication(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CommunicationUpdateDto,
  ): Promise<CommunicationResponseDto> {
    return this.communications.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('communications:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a communication (agents: only their own)' })
  @ApiNoContentResponse()
  async deleteCommunication(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.communications.delete(caller, id);
  }
}
