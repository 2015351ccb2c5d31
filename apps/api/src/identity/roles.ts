/**
 * Roles within one organization, most to least powerful. What each may do is declared
 * once, in the permission matrix (permissions.ts).
 */
export const ROLES = ['owner', 'admin', 'privacy_officer', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Managers and agents see only their branches' records. */
export const BRANCH_SCOPED_ROLES: readonly Role[] = ['manager', 'agent'];

const WITH_ARTICLE: Record<Role, string> = {
  owner: 'an owner',
  admin: 'an admin',
  privacy_officer: 'a privacy officer',
  manager: 'a manager',
  agent: 'an agent',
  viewer: 'a viewer',
};

/** "an agent", "a privacy officer": for messages people read. */
export const roleWithArticle = (role: Role): string => WITH_ARTICLE[role];
