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
    const client = request.ip ?? 'unknown';
    const { perMinute, signInPerMinute } = this.settings.rateLimit;

    const general = await this.store.hit(`all:${client}`, WINDOW_MS);
    response.setHeader('ratelimit-limit', String(perMinute));
    response.setHeader('ratelimit-remaining', String(Math.max(0, perMinute - general.count)));
    response.setHeader('ratelimit-reset', String(Math.ceil(general.resetMs / 1000)));
    if (general.count > perMinute) throw this.limited(general.resetMs);

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
