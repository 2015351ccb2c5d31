import type { Caller } from './access-tokens.js';
import { BRANCH_SCOPED_ROLES, type Role } from './roles.js';

export type { ApiKeyPrincipal, AuthenticatedUser, Caller } from './access-tokens.js';
export { BRANCH_SCOPED_ROLES, ROLES, type Role, roleWithArticle } from './roles.js';

/** Minimum user age of a new organization; its owner may set 13–18. */
export const DEFAULT_MIN_USER_AGE = 18;

export { SUBSCRIPTION_STATES, type SubscriptionState } from '../subscriptions/subscription.types.js';

export const USER_STATES = ['invited', 'active', 'disabled'] as const;
export type UserState = (typeof USER_STATES)[number];

/**
 * The branches a caller's view of people and records is limited to; undefined: the whole
 * organization (admins, viewers, API keys). A scoped person with no branch sees nothing.
 */
export const branchScopeOf = (caller: Caller): string[] | undefined =>
  caller.kind === 'user' ? branchScopeOfRole(caller.role, caller.branchIds) : undefined;

/** The same for a person by role and branches (someone work is assigned to). */
export const branchScopeOfRole = (role: Role, branchIds: string[]): string[] | undefined =>
  BRANCH_SCOPED_ROLES.includes(role) ? branchIds : undefined;
