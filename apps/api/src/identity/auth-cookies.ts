import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { KeyringService } from '../keyring/keyring.service.js';
import type { IssuedSession } from './auth.service.js';

export const REFRESH_COOKIE = 'steward_refresh';
export const CSRF_COOKIE = 'steward_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The refresh token lives only in an httpOnly, Secure, SameSite=Strict cookie scoped to
 * the auth routes. "Keep me signed in" gives it a Max-Age; otherwise it is a browser-session
 * cookie. A readable CSRF cookie is set beside it: cookie-authenticated writes must echo it
 * in the X-CSRF-Token header (double submit), which another site cannot read.
 *
 * The CSRF token is bound to the session: it is an HMAC of the refresh token the cookie
 * beside it holds, under a key derived from the master key. A pair planted by someone who
 * can write cookies (a sibling subdomain) matches itself but not the session, so it fails.
 * Each rotation of the refresh token issues a new CSRF token.
 */
@Injectable()
export class SessionCookies {
  private readonly csrfKey: KeyObject;

  constructor(
    keyring: KeyringService,
    private readonly clock: Clock,
  ) {
    this.csrfKey = createSecretKey(keyring.deriveKey('csrf-token'));
  }

  set(res: Response, session: IssuedSession): void {
    const lifetime = session.persistent ? { maxAge: session.expiresAt.getTime() - this.clock.nowMs() } : {};
    const base: CookieOptions = { secure: true, sameSite: 'strict', ...lifetime };
    res.cookie(REFRESH_COOKIE, session.refreshToken, { ...base, httpOnly: true, path: '/api/v1/auth' });
    res.cookie(CSRF_COOKIE, this.csrfTokenFor(session.refreshToken), { ...base, httpOnly: false, path: '/' });
  }

  clear(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, { secure: true, sameSite: 'strict', httpOnly: true, path: '/api/v1/auth' });
    res.clearCookie(CSRF_COOKIE, { secure: true, sameSite: 'strict', path: '/' });
  }

  /** The header must equal the cookie, and both must be this session's token. */
  assertCsrf(req: Request): void {
    const refreshToken = refreshTokenOf(req);
    const cookie = req.cookies?.[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    const valid =
      refreshToken !== undefined &&
      typeof cookie === 'string' &&
      typeof header === 'string' &&
      sameText(cookie, header) &&
      sameText(header, this.csrfTokenFor(refreshToken));
    if (!valid) throw new AppError('csrf-failed', `Send the ${CSRF_COOKIE} cookie value in the X-CSRF-Token header`);
  }

  private csrfTokenFor(refreshToken: string): string {
    return createHmac('sha256', this.csrfKey).update(refreshToken).digest('base64url');
  }
}

const sameText = (a: string, b: string) =>
  a.length > 0 && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const refreshTokenOf = (req: Request): string | undefined => req.cookies?.[REFRESH_COOKIE] || undefined;

export const clientOf = (req: Request) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
