import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { Authenticated, CurrentUser, UsersOnly } from './identity.decorators.js';
import {
  EmailChangeDto,
  PasswordChangeDto,
  ProfileResponseDto,
  ProfileUpdateDto,
  toProfileResponse,
} from './profile.dto.js';
import { ProfileService } from './profile.service.js';
import { TokenDto } from './sign-up.dto.js';

@ApiTags('profile')
@Controller()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('profile')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({ summary: 'Your profile' })
  @ApiOkResponse({ type: ProfileResponseDto })
  async getProfile(@CurrentUser() caller: AuthenticatedUser): Promise<ProfileResponseDto> {
    return toProfileResponse(await this.profiles.get(caller));
  }

  @Patch('profile')
  @Authenticated()
  @UsersOnly()
  @ApiOperation({ summary: 'Change your name, phone, job title, company or preferences' })
  @ApiOkResponse({ type: ProfileResponseDto })
  async updateProfile(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ProfileUpdateDto,
  ): Promise<ProfileResponseDto> {
    return toProfileResponse(await this.profiles.update(caller, body));
  }

  @Post('profile/password')
  @Authenticated()
  @UsersOnly()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Needs the current password (wrong ones count towards the sign-in lockout). Signs out your other devices.',
  })
  @ApiNoContentResponse()
  async changePassword(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: PasswordChangeDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.profiles.changePassword(caller, body.currentPassword, body.newPassword, req.ip ?? null);
  }

  @Post('profile/email')
  @Authenticated()
  @UsersOnly()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Change your email address',
    description:
      'Emails a confirmation link to the new address and a note to the current one; nothing changes until the link is followed.',
  })
  @ApiAcceptedResponse()
  async requestEmailChange(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: EmailChangeDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.profiles.requestEmailChange(caller, body.email, body.password, req.ip ?? null);
  }

  @Public()
  @SignInThrottled()
  @Post('auth/email-change/confirm')
  @HttpCode(204)
  @ApiTags('auth')
  @ApiOperation({ summary: 'Confirm a new email address with the emailed token' })
  @ApiNoContentResponse()
  async confirmEmailChange(@Body() body: TokenDto): Promise<void> {
    await this.profiles.confirmEmailChange(body.token);
  }
}
