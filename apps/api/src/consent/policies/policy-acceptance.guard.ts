import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../../common/app-error.js';
import { OPEN_BEFORE_POLICY_ACCEPTANCE } from '../../common/policy-acceptance.decorator.js';
import { IS_PUBLIC } from '../../common/public.decorator.js';
import { ALLOWED_BEFORE_MFA_ENROLMENT } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { PolicyAcceptanceService } from './policy-acceptance.service.js';

/**
 * Runs after the access guard (registered after it): a signed-in person who has not
 * accepted the current platform policy gets `policy-acceptance-required` on every route but
 * the few a person must always reach. API keys are not asked: the person who created the
 * key accepted for their organization's integration.
 */
@Injectable()
export class PolicyAcceptanceGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly acceptance: PolicyAcceptanceService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const caller = context.switchToHttp().getRequest<Request & { user?: Caller }>().user;
    if (caller?.kind !== 'user') return true;
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ||
      this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_POLICY_ACCEPTANCE, targets) ||
      this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_MFA_ENROLMENT, targets)
    ) {
      return true;
    }
    if (await this.acceptance.mustAccept(caller.organizationId, caller.userId)) {
      throw new AppError(
        'policy-acceptance-required',
        'Read the updated privacy policy (GET /api/v1/privacy/policy) and accept it (POST /api/v1/me/privacy-policy/acceptance)',
      );
    }
    return true;
  }
}
