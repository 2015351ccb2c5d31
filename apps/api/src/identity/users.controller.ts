import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser, Caller } from './access-tokens.js';
import { Authenticated, CurrentUser, Requires, UsersOnly } from './identity.decorators.js';
import { BRANCH_SCOPED_ROLES, ROLES } from './identity.types.js';
import { PERMISSIONS, type Permission, roleHolds } from './permissions.js';
import {
  RoleListResponseDto,
  toUserResponse,
  UserListQueryDto,
  UserListResponseDto,
  UserResponseDto,
  UserUpdateDto,
} from './users.dto.js';
import { UsersAdminService } from './users-admin.service.js';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersAdminService) {}

  @Get('users')
  @Requires('users:read')
  @ApiOperation({
    summary: 'People of your organization',
    description: 'Oldest first, cursor-paginated. Managers see the people who share a branch with them.',
  })
  @ApiOkResponse({ type: UserListResponseDto })
  async listUsers(@CurrentUser() caller: Caller, @Query() query: UserListQueryDto): Promise<UserListResponseDto> {
    const page = await this.users.list(caller, query);
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  @Get('users/:id')
  @Requires('users:read')
  @ApiOperation({ summary: 'One person of your organization' })
  @ApiOkResponse({ type: UserResponseDto })
  async getUser(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(caller, id));
  }

  @Patch('users/:id')
  @Requires('users:write')
  @UsersOnly()
  @ApiOperation({
    summary: "Change a person's role or branches",
    description: 'Takes effect on their next request. Nobody changes their own access; only owners touch owners.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  async updateUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UserUpdateDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(caller, id, body));
  }

  @Post('users/:id/disable')
  @Requires('users:write')
  @UsersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: no more sign-ins, every session ends; records stay' })
  @ApiOkResponse({ type: UserResponseDto })
  async disableUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.disable(caller, id));
  }

  @Post('users/:id/enable')
  @Requires('users:write')
  @UsersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @ApiOkResponse({ type: UserResponseDto })
  async enableUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.enable(caller, id));
  }

  @Get('roles')
  @Authenticated()
  @ApiOperation({ summary: 'The roles and what each may do (the permission matrix)' })
  @ApiOkResponse({ type: RoleListResponseDto })
  listRoles(): RoleListResponseDto {
    const permissions = Object.keys(PERMISSIONS) as Permission[];
    return {
      items: ROLES.map((role) => ({
        role,
        permissions: permissions.filter((permission) => roleHolds(role, permission)),
        branchScoped: BRANCH_SCOPED_ROLES.includes(role),
      })),
    };
  }
}
