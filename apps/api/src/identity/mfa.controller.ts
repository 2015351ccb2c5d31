import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { toSessionResponse } from './auth.controller.js';
import {
  MfaCodeDto,
  MfaDisableDto,
  MfaEnrolmentResponseDto,
  MfaRecoveryCodesDto,
  MfaSignInDto,
  RecoveryCodesResponseDto,
  SessionResponseDto,
} from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { clientOf, SessionCookies } from './auth-cookies.js';
import { AllowedBeforeMfaEnrolment, Authenticated, CurrentUser } from './identity.decorators.js';
import { MfaService } from './mfa.service.js';

const oneFactor = (body: { code?: string; recoveryCode?: string }) => {
  if (!body.code === !body.recoveryCode) {
    throw new AppError('validation-failed', 'Send either code or recoveryCode', {
      errors: [{ field: 'code', message: 'Send either code or recoveryCode' }],
    });
  }
  return { code: body.code, recoveryCode: body.recoveryCode };
};

@ApiTags('auth')
@Controller('auth')
export class MfaController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @SignInThrottled()
  @Post('sign-in/mfa')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Second step of sign-in: a code from the authenticator app, or a recovery code',
    description: 'Wrong codes count towards the same lockout as wrong passwords.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  async completeSignIn(@Body() body: MfaSignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const session = await this.auth.completeMfa(body.mfaToken, oneFactor(body), clientOf(req));
    this.cookies.set(res, session);
    return toSessionResponse(session);
  }

  @Post('mfa/enrolment')
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @ApiOperation({ summary: 'Start setting up two-step verification: a secret and its QR code' })
  @ApiCreatedResponse({ type: MfaEnrolmentResponseDto })
  startEnrolment(@CurrentUser() caller: AuthenticatedUser): Promise<MfaEnrolmentResponseDto> {
    return this.mfa.startEnrolment(caller);
  }

  @Post('mfa/enrolment/confirm')
  @HttpCode(200)
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @ApiOperation({
    summary: 'Finish set-up with a first code; answers the recovery codes, once',
    description: 'Refresh the session afterwards to lift an organization\u2019s enrolment restriction.',
  })
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  async confirmEnrolment(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: MfaCodeDto,
  ): Promise<RecoveryCodesResponseDto> {
    return { recoveryCodes: await this.mfa.confirmEnrolment(caller, body.code) };
  }

  @SignInThrottled()
  @Post('mfa/disable')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'Turn two-step verification off (password and a code; refused if the organization requires it)',
  })
  @ApiNoContentResponse()
  async disable(@CurrentUser() caller: AuthenticatedUser, @Body() body: MfaDisableDto): Promise<void> {
    await this.mfa.disable(caller, body.password, oneFactor(body));
  }

  @SignInThrottled()
  @Post('mfa/recovery-codes')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'A new set of recovery codes (password and a current code); the old set stops working',
    description:
      'Answers the ten new codes once. Counted with sign-ins for the rate limit (the stricter per-address budget).',
  })
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  async regenerateRecoveryCodes(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: MfaRecoveryCodesDto,
  ): Promise<RecoveryCodesResponseDto> {
    return { recoveryCodes: await this.mfa.regenerateRecoveryCodes(caller, body.password, body.code) };
  }
}
