import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdatedSinceQueryDto, updatedSinceOf } from '../../common/pagination.dto.js';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import {
  ContactListCreateDto,
  ContactListItemResponseDto,
  ContactListMembersAddedResponseDto,
  ContactListMembersDto,
  ContactListsResponseDto,
  ContactListUpdateDto,
} from './contact-lists.dto.js';
import { ContactListsService } from './contact-lists.service.js';

@ApiTags('contacts')
@Controller('contact-lists')
export class ContactListsController {
  constructor(private readonly lists: ContactListsService) {}

  @Get()
  @Requires('clients:read')
  @ApiOperation({
    summary: 'Contact lists: static ones and saved filters. Read members with GET /contacts?listId=',
    description:
      'By name; with `updatedSince`, oldest change first. A list changes with its own fields (name, filter, ' +
      'purpose): adding or removing members does not, so sync members through `GET /contacts?listId=`.',
  })
  @ApiOkResponse({ type: ContactListsResponseDto })
  async listContactLists(
    @CurrentUser() caller: Caller,
    @Query() query: UpdatedSinceQueryDto,
  ): Promise<ContactListsResponseDto> {
    return { items: await this.lists.list(caller, updatedSinceOf(query)) };
  }

  @Post()
  @Requires('clients:write')
  @ApiOperation({ summary: 'Make a contact list' })
  @ApiCreatedResponse({ type: ContactListItemResponseDto })
  createContactList(
    @CurrentUser() caller: Caller,
    @Body() body: ContactListCreateDto,
  ): Promise<ContactListItemResponseDto> {
    return this.lists.create(caller, body);
  }

  @Get(':id')
  @Requires('clients:read')
  @ApiOperation({ summary: 'One contact list' })
  @ApiOkResponse({ type: ContactListItemResponseDto })
  getContactList(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ContactListItemResponseDto> {
    return this.lists.get(caller, id);
  }

  @Patch(':id')
  @Requires('clients:write')
  @ApiOperation({ summary: "Rename a list or change a saved filter's criteria" })
  @ApiOkResponse({ type: ContactListItemResponseDto })
  updateContactList(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ContactListUpdateDto,
  ): Promise<ContactListItemResponseDto> {
    return this.lists.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('clients:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a list (its contacts stay)' })
  @ApiNoContentResponse()
  async deleteContactList(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.lists.delete(caller, id);
  }

  @Post(':id/members')
  @Requires('clients:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add contacts to a static list (already-members are ignored)' })
  @ApiOkResponse({ type: ContactListMembersAddedResponseDto })
  async addContactListMembers(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ContactListMembersDto,
  ): Promise<ContactListMembersAddedResponseDto> {
    return { added: await this.lists.addMembers(caller, id, body.contactIds) };
  }

  @Delete(':id/members/:contactId')
  @Requires('clients:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a contact off a static list' })
  @ApiNoContentResponse()
  async removeContactListMember(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
  ): Promise<void> {
    await this.lists.removeMember(caller, id, contactId);
  }
}
