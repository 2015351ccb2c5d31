/**
 * Roles within one organization, most to least powerful. What each may do is declared
 * once, in the permission matrix (arriving with authorization).
 */
export const ROLES = ['owner', 'admin', 'privacy_officer', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Managers and agents see only their branches' records. */
export const BRANCH_SCOPED_ROLES: readonly Role[] = ['manager', 'agent'];

/** Minimum user age of a new organization; its owner may set 13–18. */
export const DEFAULT_MIN_USER_AGE = 18;

export const SUBSCRIPTION_STATES = ['trial', 'active', 'cancelled', 'expired'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

export const USER_STATES = ['invited', 'active', 'disabled'] as const;
export type UserState = (typeof USER_STATES)[number];
