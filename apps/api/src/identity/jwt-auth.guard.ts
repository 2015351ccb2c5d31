import { type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../common/app-error.js';
import { IS_PUBLIC } from '../common/public.decorator.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { ALLOWED_BEFORE_MFA_ENROLMENT, AUTHENTICATED_ONLY, REQUIRES } from './identity.decorators.js';
import { type Permission, roleHolds } from './permissions.js';

/**
 * Default deny. A route is public (@Public), open to any signed-in user (@Authenticated)
 * or needs a permission of the matrix (@Requires). A route that says none of these is
 * refused to everyone: forgetting a rule closes the door rather than opening it.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger('Access');

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const user: AuthenticatedUser = context.switchToHttp().getRequest().user;
    if (
      user.mfaEnrolmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_MFA_ENROLMENT, targets)
    ) {
      throw new AppError('mfa-enrolment-required');
    }
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRES, targets);
    if (!permission) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} has no access rule`);
      throw new AppError('forbidden');
    }
    if (!roleHolds(user.role, permission)) {
      throw new AppError('forbidden', `Your role (${user.role}) does not include ${permission}`);
    }
    return true;
  }

  override handleRequest<User>(error: unknown, user: User | false): User {
    if (error instanceof AppError) throw error;
    if (error || !user)
      throw new AppError('unauthenticated', 'Send a valid access token: Authorization: Bearer <token>');
    return user;
  }
}
