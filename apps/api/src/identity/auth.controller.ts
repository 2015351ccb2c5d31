import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCookieAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import { Public } from '../common/public.decorator.js';
import { SignInThrottled } from '../common/rate-limit/rate-limit.guard.js';
import type { AuthenticatedUser } from './access-tokens.js';
import {
  CurrentUserResponseDto,
  MfaChallengeResponseDto,
  SessionResponseDto,
  SignInDto,
  toCurrentUserResponse,
} from './auth.dto.js';
import { AuthService, type IssuedSession } from './auth.service.js';
import { CSRF_COOKIE, CSRF_HEADER, clientOf, refreshTokenOf, SessionCookies } from './auth-cookies.js';
import { AllowedBeforeMfaEnrolment, Authenticated, CurrentUser } from './identity.decorators.js';

export const toSessionResponse = (session: IssuedSession): SessionResponseDto => ({
  accessToken: session.accessToken,
  tokenType: 'Bearer',
  expiresIn: session.expiresIn,
  user: toCurrentUserResponse(session.user, session.mfaEnrolmentRequired),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @SignInThrottled()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Answers an access token and sets the refresh cookie (httpOnly) and the CSRF cookie. ' +
      'An unknown email and a wrong password get the same 401 `invalid-credentials`. After repeated ' +
      'failures the email (and the client address) is locked out for a growing time: 429 `sign-in-locked`.',
  })
  @ApiOkResponse({ type: SessionResponseDto, description: 'Signed in' })
  @ApiAcceptedResponse({ type: MfaChallengeResponseDto, description: 'Password accepted; a second factor is needed' })
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponseDto | MfaChallengeResponseDto> {
    const outcome = await this.auth.signIn(body.email, body.password, body.keepSignedIn ?? false, clientOf(req));
    if ('mfaToken' in outcome) {
      res.status(202);
      return { mfaToken: outcome.mfaToken, expiresIn: outcome.expiresIn };
    }
    this.cookies.set(res, outcome);
    return toSessionResponse(outcome);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth('refresh-cookie')
  @ApiHeader({ name: CSRF_HEADER, required: true, description: `The value of the ${CSRF_COOKIE} cookie` })
  @ApiOperation({
    summary: 'Exchange the refresh cookie for a new access token',
    description: 'Rotates the refresh token. Replaying an already-rotated token revokes the whole session.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  async refreshSession(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.cookies.assertCsrf(req);
    const token = refreshTokenOf(req);
    if (!token) throw new AppError('session-expired');
    try {
      const session = await this.auth.refresh(token, clientOf(req));
      this.cookies.set(res, session);
      return toSessionResponse(session);
    } catch (error) {
      // Only a refused token ends the browser's session; an outage (503) must not sign it out.
      if (error instanceof AppError && error.status === 401) this.cookies.clear(res);
      throw error;
    }
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @ApiCookieAuth('refresh-cookie')
  @ApiHeader({ name: CSRF_HEADER, required: false, description: 'Required when the refresh cookie is sent' })
  @ApiOperation({ summary: 'Sign out: ends this session and clears its cookies' })
  @ApiNoContentResponse()
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = refreshTokenOf(req);
    if (token) this.cookies.assertCsrf(req);
    await this.auth.signOut(token);
    this.cookies.clear(res);
  }

  @Get('me')
  @Authenticated()
  @AllowedBeforeMfaEnrolment()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserResponseDto })
  async getCurrentUser(@CurrentUser() auth: AuthenticatedUser): Promise<CurrentUserResponseDto> {
    return toCurrentUserResponse(await this.auth.currentUser(auth), auth.mfaEnrolmentRequired);
  }
}
