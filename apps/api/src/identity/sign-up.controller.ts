import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import { EmailDto, SignUpDto, TokenDto } from './sign-up.dto.js';
import { SignUpService } from './sign-up.service.js';

@ApiTags('auth')
@Controller('auth')
export class SignUpController {
  constructor(private readonly signUps: SignUpService) {}

  @Public()
  @SignInThrottled()
  @Post('sign-up')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Create an organization with you as its owner',
    description:
      'Asks a date of birth or an age confirmation: under the minimum age (18 for a new organization) the ' +
      'answer is 403 `under-minimum-age` and nothing is kept. Otherwise answers 202 and emails a confirmation ' +
      'link; an address that already has an account gets a note instead, with the same answer here.',
  })
  @ApiAcceptedResponse({ description: 'Check your email to confirm the address' })
  async signUp(@Body() body: SignUpDto): Promise<void> {
    await this.signUps.signUp(body);
  }

  @Public()
  @SignInThrottled()
  @Post('verify-email')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm an email address with the emailed token' })
  @ApiNoContentResponse({ description: 'Confirmed; you can sign in' })
  async verifyEmail(@Body() body: TokenDto): Promise<void> {
    await this.signUps.verifyEmail(body.token);
  }

  @Public()
  @SignInThrottled()
  @Post('verify-email/resend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a new confirmation link (the same answer whether or not the account exists)' })
  @ApiAcceptedResponse()
  async resendVerification(@Body() body: EmailDto): Promise<void> {
    await this.signUps.resendVerification(body.email);
  }
}
