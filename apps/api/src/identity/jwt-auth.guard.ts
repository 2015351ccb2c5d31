import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../common/app-error.js';
import { IS_PUBLIC } from '../common/public.decorator.js';

/** Default deny: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<User>(error: unknown, user: User | false): User {
    if (error instanceof AppError) throw error;
    if (error || !user)
      throw new AppError('unauthenticated', 'Send a valid access token: Authorization: Bearer <token>');
    return user;
  }
}
