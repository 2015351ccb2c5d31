import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppSettings } from '../../config/settings.module.js';
import { presentedApiKey } from '../api-key-header.js';
import { AppError } from '../app-error.js';
import { RateLimitStore } from './rate-limit.store.js';

export const SIGN_IN_THROTTLED = 'steward:sign-in-throttled';
export const NOT_RATE_LIMITED = 'steward:not-rate-limited';

/** Marks a route for the stricter sign-in limit as well (sign-in, reset, invitations). */
export const SignInThrottled = () => SetMetadata(SIGN_IN_THROTTLED, true);

/** Probes a load balancer calls every few seconds from one address: never limited. */
export const NotRateLimited = () => SetMetadata(NOT_RATE_LIMITED, true);

const WINDOW_MS = 60_000;
/**
 * An office behind one address holds many people: authenticated requests count against
 * their own session's or key's budget, and against their address only at this multiple.
 */
const SHARED_ADDRESS_FACTOR = 10;

/**
 * Requests per minute, budgeted so that one party's excess does not throttle another:
 * - anonymous requests: per client address;
 * - with credentials: per session (the access token's `sid`) or per API key, plus all
 *   credentialed requests of the address at SHARED_ADDRESS_FACTOR times the budget. The
 *   principal is read without verifying here (the auth guard verifies next, cheaply): a
 *   made-up one only adds a bucket, it never escapes the address's;
 * - sign-in routes: a stricter budget per address as well. Refreshing a session is not a
 *   sign-in and does not count there.
 * Over budget: 429 `rate-limited` with Retry-After. Answers carry RateLimit-Limit /
 * -Remaining / -Reset of the tightest budget. Health probes are never limited.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly store: RateLimitStore,
    private readonly settings: AppSettings,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(NOT_RATE_LIMITED, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const { perMinute, signInPerMinute } = this.settings.rateLimit;
    const client = request.ip ?? 'unknown';

    const principal = principalOf(request);
    const budgets: Array<{ bucket: string; limit: number }> = principal
      ? [
          { bucket: principal, limit: perMinute },
          { bucket: `address:${client}`, limit: perMinute * SHARED_ADDRESS_FACTOR },
        ]
      : [{ bucket: `anonymous:${client}`, limit: perMinute }];
    const hits = await Promise.all(
      budgets.map(async ({ bucket, limit }) => ({ ...(await this.store.hit(bucket, WINDOW_MS)), limit })),
    );
    const tightest = hits.reduce((worst, hit) => (hit.limit - hit.count < worst.limit - worst.count ? hit : worst));
    response.setHeader('ratelimit-limit', String(tightest.limit));
    response.setHeader('ratelimit-remaining', String(Math.max(0, tightest.limit - tightest.count)));
    response.setHeader('ratelimit-reset', String(Math.ceil(tightest.resetMs / 1000)));
    if (tightest.count > tightest.limit) throw this.limited(tightest.resetMs);

    if (this.reflector.get<boolean>(SIGN_IN_THROTTLED, context.getHandler())) {
      const signIn = await this.store.hit(`sign-in:${client}`, WINDOW_MS);
      if (signIn.count > signInPerMinute) throw this.limited(signIn.resetMs);
    }
    return true;
  }

  private limited(resetMs: number): AppError {
    const seconds = Math.max(1, Math.ceil(resetMs / 1000));
    return new AppError('rate-limited', `Too many requests; try again in ${seconds} seconds`, {
      retryAfterSeconds: seconds,
    });
  }
}

/** The session or API key a request claims to act as, or undefined for an anonymous one. */
function principalOf(request: Request): string | undefined {
  const key = presentedApiKey(request);
  if (key !== undefined) return `key:${key.slice(0, 14)}`;
  const token = request.headers.authorization?.match(/^Bearer ([\w-]+)\.([\w-]+)\.[\w-]+$/)?.[2];
  if (!token) return undefined;
  try {
    const { sid } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { sid?: unknown };
    return typeof sid === 'string' ? `session:${sid.slice(0, 64)}` : undefined;
  } catch {
    return undefined;
  }
}
