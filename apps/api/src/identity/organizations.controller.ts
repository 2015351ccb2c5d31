import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdatedSinceQueryDto, updatedSinceOf } from '../common/pagination.dto.js';
import type { Caller } from './access-tokens.js';
import { CurrentUser, Requires } from './identity.decorators.js';
import {
  BranchCreateDto,
  BranchListResponseDto,
  BranchResponseDto,
  BranchUpdateDto,
  OrganizationResponseDto,
  OrganizationUpdateDto,
  toBranchResponse,
  toOrganizationResponse,
} from './organizations.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organization')
@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('organization')
  @Requires('organization:read')
  @ApiOperation({ summary: 'Your organization and its settings' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  async getOrganization(@CurrentUser() caller: Caller): Promise<OrganizationResponseDto> {
    return toOrganizationResponse(await this.organizations.get(caller));
  }

  @Patch('organization')
  @Requires('organization:update')
  @ApiOperation({ summary: 'Change organization settings (minimum user age, MFA, session lifetimes)' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  async updateOrganization(
    @CurrentUser() caller: Caller,
    @Body() body: OrganizationUpdateDto,
  ): Promise<OrganizationResponseDto> {
    return toOrganizationResponse(await this.organizations.update(caller, body));
  }

  @Get('branches')
  @Requires('branches:read')
  @ApiOperation({
    summary: 'Branches of your organization',
    description: 'By name; with `updatedSince`, oldest change first.',
  })
  @ApiOkResponse({ type: BranchListResponseDto })
  async listBranches(
    @CurrentUser() caller: Caller,
    @Query() query: UpdatedSinceQueryDto,
  ): Promise<BranchListResponseDto> {
    return { items: (await this.organizations.listBranches(caller, updatedSinceOf(query))).map(toBranchResponse) };
  }

  @Post('branches')
  @Requires('branches:write')
  @ApiOperation({ summary: 'Add a branch' })
  @ApiCreatedResponse({ type: BranchResponseDto })
  async createBranch(@CurrentUser() caller: Caller, @Body() body: BranchCreateDto): Promise<BranchResponseDto> {
    return toBranchResponse(await this.organizations.createBranch(caller, body.name));
  }

  @Get('branches/:id')
  @Requires('branches:read')
  @ApiOperation({ summary: 'One branch' })
  @ApiOkResponse({ type: BranchResponseDto })
  async getBranch(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<BranchResponseDto> {
    return toBranchResponse(await this.organizations.getBranch(caller, id));
  }

  @Patch('branches/:id')
  @Requires('branches:write')
  @ApiOperation({ summary: 'Rename a branch' })
  @ApiOkResponse({ type: BranchResponseDto })
  async updateBranch(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BranchUpdateDto,
  ): Promise<BranchResponseDto> {
    return toBranchResponse(await this.organizations.renameBranch(caller, id, body.version, body.name));
  }

  @Delete('branches/:id')
  @Requires('branches:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a branch; its people keep their other branches' })
  @ApiNoContentResponse()
  async deleteBranch(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.organizations.deleteBranch(caller, id);
  }
}
