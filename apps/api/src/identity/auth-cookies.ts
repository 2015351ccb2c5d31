import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import type { IssuedSession } from './auth.service.js';

export const REFRESH_COOKIE = 'steward_refresh';
export const CSRF_COOKIE = 'steward_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The refresh token lives only in an httpOnly, Secure, SameSite=Strict cookie scoped to
 * the auth routes. "Keep me signed in" gives it a Max-Age; otherwise it is a browser-session
 * cookie. A readable CSRF cookie is set beside it: cookie-authenticated writes must echo it
 * in the X-CSRF-Token header (double submit), which another site cannot read.
 */
export function setSessionCookies(res: Response, session: IssuedSession): void {
  const lifetime = session.persistent ? { maxAge: session.expiresAt.getTime() - Date.now() } : {};
  const base: CookieOptions = { secure: true, sameSite: 'strict', ...lifetime };
  res.cookie(REFRESH_COOKIE, session.refreshToken, { ...base, httpOnly: true, path: '/api/v1/auth' });
  res.cookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...base, httpOnly: false, path: '/' });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { secure: true, sameSite: 'strict', httpOnly: true, path: '/api/v1/auth' });
  res.clearCookie(CSRF_COOKIE, { secure: true, sameSite: 'strict', path: '/' });
}

export const refreshTokenOf = (req: Request): string | undefined => req.cookies?.[REFRESH_COOKIE] || undefined;

export function assertCsrf(req: Request): void {
  const cookie = req.cookies?.[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  const valid =
    typeof cookie === 'string' &&
    typeof header === 'string' &&
    cookie.length > 0 &&
    cookie.length === header.length &&
    timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
  if (!valid) throw new AppError('csrf-failed', `Send the ${CSRF_COOKIE} cookie value in the X-CSRF-Token header`);
}

export const clientOf = (req: Request) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
