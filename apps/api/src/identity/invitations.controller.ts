import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreatedAt } from '../common/location.interceptor.js';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { CurrentUser, Requires, UsersOnly } from './identity.decorators.js';
import { InvitationsService } from './invitations.service.js';
import { TokenDto } from './sign-up.dto.js';
import {
  InvitationAcceptDto,
  InvitationEmailDto,
  InvitationPreviewResponseDto,
  toUserResponse,
  UserInviteDto,
  UserInvitedResponseDto,
} from './users.dto.js';

@ApiTags('users')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('users/invitations')
  @CreatedAt('users')
  @Requires('users:write')
  @UsersOnly()
  @ApiOperation({
    summary: 'Invite a colleague with a role and branches',
    description:
      'Emails a single-use link that works for 7 days. The person appears with state `invited` until they accept. ' +
      '`invitationEmail` says whether the mail server took the email (`sent`), did not answer so it is queued and ' +
      'retried (`queued`), or refused it (`failed`); the answer is the same whether or not the address has an account.',
  })
  @ApiCreatedResponse({ type: UserInvitedResponseDto })
  async inviteUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: UserInviteDto,
  ): Promise<UserInvitedResponseDto> {
    const { user, email } = await this.invitations.invite(caller, body);
    return { ...toUserResponse(user), invitationEmail: email };
  }

  @Post('users/:id/invitation')
  @Requires('users:write')
  @UsersOnly()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send the invitation again (the earlier link stops working)',
    description: '`invitationEmail`: `sent`, `queued` (the mail server did not answer; retried) or `failed`.',
  })
  @ApiAcceptedResponse({ type: InvitationEmailDto })
  async resendInvitation(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<InvitationEmailDto> {
    return { invitationEmail: await this.invitations.resend(caller, id) };
  }

  @Delete('users/:id/invitation')
  @Requires('users:write')
  @UsersOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an invitation nobody accepted; the invited person is deleted' })
  @ApiNoContentResponse()
  async cancelInvitation(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.invitations.cancel(caller, id);
  }

  @Public()
  @SignInThrottled()
  @Post('auth/invitations/preview')
  @HttpCode(200)
  @ApiTags('auth')
  @ApiOperation({ summary: 'What an invitation link is for: organization, name, role, minimum age' })
  @ApiOkResponse({ type: InvitationPreviewResponseDto })
  previewInvitation(@Body() body: TokenDto): Promise<InvitationPreviewResponseDto> {
    return this.invitations.preview(body.token);
  }

  @Public()
  @SignInThrottled()
  @Post('auth/invitations/accept')
  @HttpCode(204)
  @ApiTags('auth')
  @ApiOperation({
    summary: 'Accept an invitation: pass the age gate and choose a password',
    description:
      "Under the organization's minimum age the answer is 403 `under-minimum-age` and the invitation is deleted " +
      'with everything it held. Afterwards, sign in as usual.',
  })
  @ApiNoContentResponse()
  async acceptInvitation(@Body() body: InvitationAcceptDto): Promise<void> {
    await this.invitations.accept(body.token, body.password, body);
  }
}
