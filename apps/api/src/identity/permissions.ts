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
  /**
   * Taking a payment. Who also holds invoices:read reaches every invoice of their branches;
   * an agent, who does not, reads and takes payments only on invoices of jobs assigned to them
   * (crm/billing/invoice-access.ts). Not an API-key scope: a key is assigned no jobs
   * (keys record payments with invoices:write).
   */
  'payments:write': STAFF,
  'tax-policies:read': READERS,
  'tax-policies:write': ADMINS,
  /** The audit trail: reading, exporting and verifying it. */
  'audit:read': ['owner', 'admin', 'privacy_officer'],
  /** The platform policy (operator organization only) and the organization's privacy notice, processors, purposes. */
  'privacy-policy:write': ['owner', 'admin', 'privacy_officer'],
  /** Contacts' purpose consents (the ledger): reading, and recording grants and withdrawals. */
  'consents:read': EVERYONE,
  'consents:write': ['owner', 'admin', 'privacy_officer', 'manager', 'agent'],
  /** Access exports of a data subject's personal data: starting them, and following their status. */
  'exports:read': ['owner', 'admin', 'privacy_officer'],
  'exports:write': ['owner', 'admin', 'privacy_officer'],
  /** Restriction of processing (GDPR Art. 18) of a client or contact: applying and lifting it. */
  'restrictions:write': ['owner', 'admin', 'privacy_officer'],
  /** Health details: background jobs that failed (counts and error lines, no personal data). */
  'operations:read': ADMINS,
  /** Outbound webhooks: endpoints, their signing secrets (shown once), test-sends and the delivery log. */
  'webhooks:manage': ADMINS,
  /** Data-subject requests: the request desk (reading, and acting on requests: matches, extension, completion). */
  'requests:read': ['owner', 'admin', 'privacy_officer'],
  'requests:write': ['owner', 'admin', 'privacy_officer'],
  /** Retention: the rules with their periods, dry runs and the purge history; running a rule now. */
  'retention:read': ['owner', 'admin', 'privacy_officer'],
  'retention:run': ['owner', 'admin', 'privacy_officer'],
  /** Setting the organization's own period for a rule that allows one. */
  'retention:configure': ['owner', 'admin', 'privacy_officer'],
  /** Legal holds: reading them, and setting or releasing one (which suspends purges and erasures). */
  'legal-holds:read': ['owner', 'admin', 'privacy_officer'],
  'legal-holds:write': ['owner', 'admin', 'privacy_officer'],
  /** The usage dashboard: anonymized daily counts of pages visited and features used. */
  'analytics:read': ADMINS,
  /** The organization's subscription: its state, end date and purge date; terminating and restoring it (owners). */
  'subscription:read': ADMINS,
  'subscription:terminate': ['owner'],
  /**
   * The operator's billing integration sets any organization's subscription. No role holds it:
   * only API keys of the operator organization (OPERATOR_ORGANIZATION) can be given it.
   */
  'subscriptions:manage': [],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Account administration needs a person, so that every change of access has one behind it;
 * payments:write reaches what is assigned to a person, and a key has no assignments.
 */
const PEOPLE_ONLY: readonly Permission[] = [
  'api-keys:manage',
  'users:write',
  'subscription:terminate',
  'payments:write',
];

/** Scopes only the owners and admins of the operator organization can give, to their own keys. */
export const OPERATOR_SCOPES: readonly Permission[] = ['subscriptions:manage'];

/** Permissions any organization's API key may be given: everything but administering keys and accounts. */
export const API_KEY_SCOPES = (Object.keys(PERMISSIONS) as Permission[]).filter(
  (permission) => !PEOPLE_ONLY.includes(permission) && !OPERATOR_SCOPES.includes(permission),
);

export const roleHolds = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);
