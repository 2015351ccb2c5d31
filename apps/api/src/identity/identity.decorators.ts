import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthenticatedUser } from './access-tokens.js';
import type { Permission } from './permissions.js';

export const REQUIRES = 'steward:requires';
export const AUTHENTICATED_ONLY = 'steward:authenticated-only';

/**
 * The route needs a permission of the permission matrix; given several, any one of them
 * (the service then narrows what each may reach, e.g. payments:write to assigned jobs).
 */
export const Requires = (...permissions: [Permission, ...Permission[]]) => SetMetadata(REQUIRES, permissions);

/** Any signed-in user may call the route (their own profile, their own sessions). */
export const Authenticated = () => SetMetadata(AUTHENTICATED_ONLY, true);

export const USERS_ONLY = 'steward:users-only';

/** Refused to API keys even when they hold the scope (managing keys, your own account). */
export const UsersOnly = () => SetMetadata(USERS_ONLY, true);

export const ALLOWED_BEFORE_MFA_ENROLMENT = 'steward:allowed-before-mfa-enrolment';

/** Open to a user whose organization requires MFA before they have set it up (enrolment, me, sign-out). */
export const AllowedBeforeMfaEnrolment = () => SetMetadata(ALLOWED_BEFORE_MFA_ENROLMENT, true);

/** The caller, as the access guard authenticated them. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);
