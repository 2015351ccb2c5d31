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
  'audit:read': 'See, export and verify the audit trail',
  'operations:read': 'See failed background jobs',
};

const ACTION_LABELS: Record<string, string> = { read: 'See', write: 'Add and change', manage: 'Manage' };

/** Words for a permission; one the SPA does not know yet reads from its name (`jobs:write`). */
export function permissionLabel(permission: string): string {
  if (PERMISSION_LABELS[permission]) return PERMISSION_LABELS[permission];
  const [resource, action] = permission.split(':');
  return ACTION_LABELS[action] ? `${ACTION_LABELS[action]} ${resource.replaceAll('-', ' ')}` : permission;
}

/** What each action of the audit trail means, in words (GET /audit/actions lists them). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Sign-in with password',
  'auth.sign_in.mfa': 'Sign-in with a two-step code',
  'auth.sign_out': 'Sign-out',
  'auth.lockout': 'Account locked after failed sign-ins',
  'auth.session.revoked': 'Session ended',
  'auth.sessions.revoked_all': 'Signed out everywhere',
  'auth.session.replayed': 'Stolen sign-in token refused, session ended',
  'auth.password.changed': 'Password changed',
  'auth.password.reset': 'Password reset by email link',
  'auth.email.change_requested': 'Email change requested',
  'auth.email.changed': 'Email address changed',
  'auth.mfa.enrolled': 'Two-step verification turned on',
  'auth.mfa.disabled': 'Two-step verification turned off',
  'api_key.created': 'API key created',
  'api_key.used': 'API key used',
  'api_key.revoked': 'API key revoked',
  'access.denied': 'Access refused',
  'organization.created': 'Organization created',
  'user.created': 'Account created',
  'user.email_verified': 'Email address verified',
  'user.invited': 'Person invited',
  'user.invitation_accepted': 'Invitation accepted',
  'user.invitation_cancelled': 'Invitation withdrawn',
  'user.role_changed': 'Role changed',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled again',
  'user.profile_updated': 'Profile updated',
  'organization.updated': 'Organization settings changed',
  'branch.created': 'Branch added',
  'branch.updated': 'Branch changed',
  'branch.deleted': 'Branch deleted',
  'personal_data.viewed': 'Personal data viewed',
  'personal_data.exported': 'Personal data exported',
  'record.created': 'Record created',
  'record.updated': 'Record changed',
  'record.deleted': 'Record deleted',
  'audit.exported': 'Audit trail exported',
  'audit.verified': 'Audit trail verified',
  'audit.purged': 'Old entries removed (retention)',
  'retention.purged': 'Nightly retention purge ran',
  'privacy.erasure.started': 'Erasure of a person started',
  'privacy.erasure.category': 'Erasure: one kind of data done',
  'privacy.erasure.completed': 'Erasure completed, key destroyed',
};

/** Words for an action; one the SPA does not know yet shows its code. */
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

/**
 * The families actions are grouped in (the part before the first dot), with the words for
 * the group and for "any action of it" (the `auth.` filter).
 */
export const AUDIT_FAMILY_LABELS: Record<string, { group: string; any: string }> = {
  auth: { group: 'Sign-in and security', any: 'Any sign-in or security event' },
  api_key: { group: 'API keys', any: 'Anything about API keys' },
  access: { group: 'Access', any: 'Any refused access' },
  user: { group: 'People', any: 'Anything about people' },
  organization: { group: 'Organization', any: 'Anything about the organization' },
  branch: { group: 'Branches', any: 'Anything about branches' },
  personal_data: { group: 'Personal data', any: 'Any view or export of personal data' },
  record: { group: 'CRM records', any: 'Any change to a record' },
  audit: { group: 'The audit trail', any: 'Anything about the trail' },
};

export const OUTCOME_LABELS: Record<string, { label: string; color: string }> = {
  success: { label: 'Success', color: 'teal' },
  failure: { label: 'Failure', color: 'red' },
  denied: { label: 'Denied', color: 'orange' },
};

/** Who acted, when the trail has no name for them. */
export const ACTOR_KIND_LABELS: Record<string, string> = {
  user: 'A former user',
  api_key: 'API key',
  system: 'System',
  anonymous: 'Anonymous',
};

const TARGET_TYPE_LABELS: Record<string, string> = {
  user: 'Person',
  api_key: 'API key',
  organization: 'Organization',
  branch: 'Branch',
  session: 'Session',
  client: 'Client',
  contact: 'Contact',
  contact_list: 'Contact list',
  communication: 'Communication',
  job: 'Job',
  schedule_entry: 'Schedule entry',
  invoice: 'Invoice',
  payment: 'Payment',
  tax_policy: 'Tax policy',
};

/** Words for the kind of thing acted on; an unknown one reads from its code (`contact_list`). */
export const targetTypeLabel = (type: string): string => {
  const words = TARGET_TYPE_LABELS[type] ?? type.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** What a break in the audit chain means. */
export const BREAK_REASON_LABELS: Record<string, string> = {
  altered: 'Its content was changed after it was written.',
  unlinked: 'It does not follow from the entry before it: entries were added, removed or reordered.',
  'missing-entries': 'Entries before it are missing: they were removed.',
  truncated: 'The newest entries were removed: the trail ends before its recorded last entry.',
};
