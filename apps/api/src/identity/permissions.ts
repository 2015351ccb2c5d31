import { ROLES, type Role } from './identity.types.js';

const EVERYONE = ROLES;
const ADMINS = ['owner', 'admin'] as const satisfies readonly Role[];
/** People who do the CRM work. */
const STAFF = ['owner', 'admin', 'manager', 'agent'] as const satisfies readonly Role[];
/** Everyone but the privacy officer, who needs to find people (clients:read), not read their conversations. */
const READERS = ['owner', 'admin', 'manager', 'agent', 'viewer'] as const satisfies readonly Role[];

/**
 * The permission matrix: every permission and the roles that hold it, in one place.
 * Routes declare the permission they need (@Requires); a test renders this matrix over
 * every route into docs/permissions.md and fails on a route without a rule.
 */
export const PERMISSIONS = {
  'organization:read': EVERYONE,
  'organization:update': ADMINS,
  'branches:read': EVERYONE,
  'branches:write': ADMINS,
  'api-keys:manage': ADMINS,
  /** Managers see the people of their own branches. */
  'users:read': ['owner', 'admin', 'privacy_officer', 'manager'],
  'users:write': ADMINS,
  // CRM records. Managers and agents only ever see their branches' records (see crm/crm-access.ts).
  'clients:read': EVERYONE,
  'clients:write': STAFF,
  'communications:read': READERS,
  'communications:write': STAFF,
  'jobs:read': READERS,
  'jobs:write': STAFF,
  'schedules:read': READERS,
  'schedules:write': STAFF,
  'invoices:read': ['owner', 'admin', 'manager', 'viewer'],
  'invoices:write': ['owner', 'admin', 'manager'],
  'tax-policies:read': READERS,
  'tax-policies:write': ADMINS,
  /** The audit trail: reading, exporting and verifying it. */
  'audit:read': ['owner', 'admin', 'privacy_officer'],
  /** Health details: background jobs that failed (counts and error lines, no personal data). */
  'operations:read': ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Account administration needs a person, so that every change of access has one behind it. */
const PEOPLE_ONLY: readonly Permission[] = ['api-keys:manage', 'users:write'];

/** Permissions an API key may be given: everything but administering keys and accounts. */
export const API_KEY_SCOPES = (Object.keys(PERMISSIONS) as Permission[]).filter(
  (permission) => !PEOPLE_ONLY.includes(permission),
);

export const roleHolds = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);
