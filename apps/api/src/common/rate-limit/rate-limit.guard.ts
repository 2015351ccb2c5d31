import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppSettings } from '../../config/settings.module.js';
import { AppError } from '../app-error.js';
import { RateLimitStore } from './rate-limit.store.js';

export const SIGN_IN_THROTTLED = 'steward:sign-in-throttled';

/** Marks a route for the stricter sign-in limit as well (sign-in, refresh). */
export const SignInThrottled = () => SetMetadata(SIGN_IN_THROTTLED, true);

const WINDOW_MS = 60_000;

/**
 * Requests per client per minute: a general budget on every route and a stricter one on
 * the sign-in routes. Over budget: 429 `rate-limited` with Retry-After. Answers carry the
 * RateLimit-Limit / -Remaining / -Reset headers of the general budget.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly store: RateLimitStore,
    private readonly settings: AppSettings,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const { perMinute, signInPerMinute } = this.settings.rateLimit;
    const client = request.ip ?? 'unknown';

    // Every request counts against its address; a request with an API key also against
    // that key's own budget (so a made-up key cannot buy a fresh budget).
    const buckets = [`all:${client}`];
    const presentedKey = request.headers['x-api-key'];
    if (typeof presentedKey === 'string') buckets.push(`key:${presentedKey.slice(0, 14)}`);
    const hits = await Promise.all(buckets.map((bucket) => this.store.hit(bucket, WINDOW_MS)));
    const tightest = hits.reduce((worst, hit) => (hit.count > worst.count ? hit : worst));
    response.setHeader('ratelimit-limit', String(perMinute));
    response.setHeader('ratelimit-remaining', String(Math.max(0, perMinute - tightest.count)));
    response.setHeader('ratelimit-reset', String(Math.ceil(tightest.resetMs / 1000)));
    if (tightest.count > perMinute) throw this.limited(tightest.resetMs);

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
