import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { presentedApiKey } from '../common/api-key-header.js';
import { AppError } from '../common/app-error.js';
import { IS_PUBLIC } from '../common/public.decorator.js';
import { setRequestActor } from '../common/request-context.js';
import { AccessTokenVerifier } from './access-token.verifier.js';
import type { ApiKeyPrincipal, Caller } from './access-tokens.js';
import { ApiKeysService } from './api-keys.service.js';
import { ALLOWED_BEFORE_MFA_ENROLMENT, AUTHENTICATED_ONLY, REQUIRES, USERS_ONLY } from './identity.decorators.js';
import { type Permission, roleHolds } from './permissions.js';

/**
 * Default deny. A route is public (@Public), open to any signed-in user (@Authenticated)
 * or needs a permission of the matrix (@Requires). A route that says none of these is
 * refused to everyone: forgetting a rule closes the door rather than opening it.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly accessTokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Caller }>();
    const presentedKey = presentedApiKey(request);
    if (presentedKey !== undefined) {
      const key = await this.apiKeys.authenticate(presentedKey, request.ip ?? null);
      request.user = key;
      setRequestActor({ kind: 'api_key', id: key.apiKeyId, organizationId: key.organizationId });
      return this.allowApiKey(key, context);
    }
    const user = await this.accessTokens.authenticate(request.headers.authorization);
    request.user = user;
    setRequestActor({ kind: 'user', id: user.userId, organizationId: user.organizationId });
    if (
      user.mfaEnrolmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_MFA_ENROLMENT, targets)
    ) {
      throw new AppError('mfa-enrolment-required');
    }
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets)) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRES, targets);
    if (!permissions?.length) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} has no access rule`);
      throw new AppError('forbidden');
    }
    if (!permissions.some((permission) => roleHolds(user.role, permission))) {
      throw new AppError('forbidden', `Your role (${user.role}) does not include ${permissions.join(' or ')}`);
    }
    return true;
  }

  /** A key holds scopes, not a role: it may call only routes that name a permission it holds. */
  private allowApiKey(key: ApiKeyPrincipal, context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRES, targets);
    if (!permissions?.length || this.reflector.getAllAndOverride<boolean>(USERS_ONLY, targets)) {
      throw new AppError('forbidden', 'API keys cannot call this route; sign in as a person');
    }
    if (!permissions.some((permission) => key.scopes.includes(permission))) {
      throw new AppError('forbidden', `This API key lacks the ${permissions.join(' or ')} scope`);
    }
    return true;
  }
}
