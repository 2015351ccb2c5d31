import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly passwordReset: PasswordResetService) {}

  @Public()
  @SignInThrottled()
  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a password-reset link (answers the same whether or not the account exists)' })
  @ApiAcceptedResponse({ description: 'If the email has an account, a link is on its way' })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.passwordReset.request(body.email);
  }

  @Public()
  @SignInThrottled()
  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  @ApiNoContentResponse()
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordReset.confirm(body.token, body.password);
  }
}
