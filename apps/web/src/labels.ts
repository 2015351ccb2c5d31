import type { Role, UserState } from './api/use-users';

/** Roles, most to least powerful, with the words people see. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  privacy_officer: 'Privacy officer',
  manager: 'Manager',
  agent: 'Agent',
  viewer: 'Viewer',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;

/** Managers and agents work in branches and need at least one. */
export const BRANCH_SCOPED_ROLES: readonly Role[] = ['manager', 'agent'];

export const STATE_LABELS: Record<UserState, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  invited: { label: 'Invited', color: 'blue' },
  disabled: { label: 'Disabled', color: 'gray' },
};

/** What each permission of the matrix lets a person do. */
const PERMISSION_LABELS: Record<string, string> = {
  'organization:read': 'See organization settings',
  'organization:update': 'Change organization settings',
  'branches:read': 'See branches',
  'branches:write': 'Add, rename and delete branches',
  'api-keys:manage': 'Manage API keys',
  'users:read': 'See the people of the organization',
  'users:write': 'Invite people and change their access',
};

const ACTION_LABELS: Record<string, string> = { read: 'See', write: 'Add and change', manage: 'Manage' };

/** Words for a permission; one the SPA does not know yet reads from its name (`jobs:write`). */
export function permissionLabel(permission: string): string {
  if (PERMISSION_LABELS[permission]) return PERMISSION_LABELS[permission];
  const [resource, action] = permission.split(':');
  return ACTION_LABELS[action] ? `${ACTION_LABELS[action]} ${resource.replaceAll('-', ' ')}` : permission;
}
