import type { Role, UserState } from './api/use-users';
import { translateOr } from './i18n/i18n';

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

/** In the reader's language (the catalogue's `labels.role`). */
export const roleLabel = (role: string): string =>
  translateOr(`labels.role.${role}`, ROLE_LABELS[role as Role] ?? role);

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
  'webhooks:manage': 'Manage webhooks and see their delivery log',
  'exports:read': "Follow a person's data export",
  'exports:write': "Export all of a person's data",
  'restrictions:write': "Restrict and release processing of a person's data",
  'subscription:read': 'See the subscription and when data would be deleted',
  'subscription:terminate': 'Terminate the contract and restore the organization',
  'retention:read': 'See retention rules, dry runs and the purge history',
  'retention:run': 'Run a retention rule now',
  'retention:configure': 'Set the organization’s own retention periods',
  'legal-holds:read': 'See legal holds',
  'legal-holds:write': 'Set and release legal holds',
};

/** The grounds of GDPR Art. 18(1) a restriction is applied on (the API's reason codes). */
export const RESTRICTION_REASON_LABELS: Record<string, string> = {
  accuracy_contested: 'They contest the accuracy of their data (while we check it)',
  unlawful_processing: 'Processing is unlawful and they ask for restriction instead of erasure',
  legal_claims: 'We no longer need the data, but they need it for legal claims',
  objection_pending: 'They objected, and we are weighing the grounds',
};

const ACTION_LABELS: Record<string, string> = { read: 'See', write: 'Add and change', manage: 'Manage' };

/** The states of an access export, as the privacy center shows them. */
export const DATA_EXPORT_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  queued: { label: 'Waiting to start', color: 'gray' },
  building: { label: 'Being prepared', color: 'blue' },
  ready: { label: 'Ready to download', color: 'teal' },
  expired: { label: 'Expired and deleted', color: 'gray' },
  failed: { label: 'Failed', color: 'red' },
};

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
  'auth.mfa.recovery_codes_regenerated': 'New recovery codes made',
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
  'user.deactivated_for_erasure': 'Account stopped: the person asked to be erased',
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
  'invoice.emailed': 'Invoice emailed',
  'audit.exported': 'Audit trail exported',
  'audit.verified': 'Audit trail verified',
  'audit.purged': 'Old entries removed (retention)',
  'retention.purged': 'Retention rule purged expired data',
  'retention.run_requested': 'Retention rule run on demand',
  'retention.period_changed': 'Retention period changed for the organization',
  'legal_hold.set': 'Legal hold set',
  'legal_hold.released': 'Legal hold released',
  'privacy.erasure.held': 'Erasure waits for a legal hold',
  'analytics.rolled-up': 'Nightly usage analytics rollup ran',
  'subscription.changed': 'Subscription changed by billing',
  'subscription.terminated': 'Contract terminated',
  'subscription.restored': 'Terminated organization restored',
  'subscription.reminder_sent': 'Subscription reminder emailed',
  'subscriptions.reminders_sent': 'Daily subscription reminders ran',
  'subscriptions.purge_ran': 'Nightly purge of ended organizations ran',
  'organization.purged': 'Ended organization purged',
  'privacy.erasure.started': 'Erasure of a person started',
  'privacy.erasure.category': 'Erasure: one kind of data done',
  'privacy.erasure.completed': 'Erasure completed, key destroyed',
  'privacy.restriction.applied': 'Processing of a person restricted',
  'privacy.restriction.lifted': 'Restriction of processing lifted',
  'privacy.export.requested': 'Data export requested',
  'privacy.export.ready': 'Data export ready to download',
  'privacy.export.downloaded': 'Data export downloaded',
  'privacy.export.failed': 'Data export failed',
  'privacy.export.purged': 'Expired data export deleted',
  'privacy.policy.draft_saved': 'Privacy policy draft saved',
  'privacy.policy.published': 'Privacy policy version published',
  'privacy.policy.accepted': 'Privacy policy accepted',
  'privacy.processor.changed': 'Processor list changed',
  'privacy.contact.changed': 'Privacy contact details changed',
  'consent.purpose_created': 'Consent purpose added',
  'consent.purpose_updated': 'Consent purpose changed',
  'consent.purpose_archived': 'Consent purpose archived',
  'consent.recorded': 'Consent recorded',
  'consent.opt_in_requested': 'Double opt-in requested',
  'consent.opt_in_confirmed': 'Double opt-in confirmed',
  'webhook.endpoint_created': 'Webhook endpoint added',
  'webhook.endpoint_updated': 'Webhook endpoint changed',
  'webhook.endpoint_deleted': 'Webhook endpoint deleted',
  'webhook.secret_rotated': 'Webhook signing secret rotated',
  'webhook.delivery_retried': 'Webhook delivery retried by hand',
  'privacy.request.created': 'Privacy request filed',
  'privacy.request.verified': 'Privacy request verified by email',
  'privacy.request.assigned': 'Privacy request assigned',
  'privacy.request.match_confirmed': 'Privacy request matched to people',
  'privacy.request.extended': 'Privacy request deadline extended',
  'privacy.request.status_changed': 'Privacy request status changed',
  'privacy.request.completed': 'Privacy request completed',
  'privacy.request.rejected': 'Privacy request rejected',
  'privacy.request.correction_applied': 'Privacy request: correction applied',
  'privacy.request.correction_kept': 'Privacy request: correction not applied',
  'privacy.request.cancelled': 'Privacy request cancelled',
  'privacy.request.expired': 'Unverified privacy requests expired',
};

/** Words for an action; one the SPA does not know yet shows its code. */
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

/** The actions a person sees on their security page, in the reader's language (`labels.securityAction`). */
export const securityActionLabel = (action: string): string =>
  translateOr(`labels.securityAction.${action}`, auditActionLabel(action));

export const outcomeLabel = (outcome: string): string =>
  translateOr(`labels.outcome.${outcome}`, OUTCOME_LABELS[outcome]?.label ?? outcome);

export const restrictionReasonLabel = (reason: string): string =>
  translateOr(`labels.restrictionReason.${reason}`, RESTRICTION_REASON_LABELS[reason] ?? reason);

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
  consent: { group: 'Consents', any: "Anything about contacts' consents" },
  webhook: { group: 'Webhooks', any: 'Anything about webhooks' },
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
  webhook_endpoint: 'Webhook endpoint',
  webhook_delivery: 'Webhook delivery',
  privacy_request: 'Privacy request',
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

/** Data-subject requests: the rights, in words a requester and an officer both read. */
export const REQUEST_TYPE_LABELS: Record<string, { label: string; description: string }> = {
  access: { label: 'Access', description: 'Get a copy of the personal data held about you (Art. 15 GDPR).' },
  rectification: { label: 'Correction', description: 'Have wrong or incomplete data corrected (Art. 16).' },
  erasure: { label: 'Erasure', description: 'Have your personal data deleted (Art. 17).' },
  restriction: {
    label: 'Restriction',
    description: 'Have the use of your data paused while something is checked (Art. 18).',
  },
  portability: { label: 'Portability', description: 'Receive your data in a machine-readable format (Art. 20).' },
  objection: {
    label: 'Objection',
    description: 'Object to the use of your data, e.g. for direct marketing (Art. 21).',
  },
  withdrawal: { label: 'Withdraw consent', description: 'Withdraw consent you gave, e.g. to marketing messages.' },
  minor: { label: "A minor's data", description: 'Report that data of a child is held; it will be erased.' },
  inquiry: { label: 'Question', description: 'Ask a question about your privacy (answered within 2 business days).' },
};
export const requestTypeLabel = (type: string): string => REQUEST_TYPE_LABELS[type]?.label ?? type;

export const REQUEST_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  unverified: { label: 'Unverified', color: 'gray' },
  received: { label: 'Received', color: 'blue' },
  in_progress: { label: 'In progress', color: 'indigo' },
  awaiting_requester: { label: 'Awaiting requester', color: 'yellow' },
  completed: { label: 'Completed', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const REQUEST_CHANNEL_LABELS: Record<string, string> = {
  form: 'Public form',
  privacy_center: 'Privacy center',
  email: 'Email',
  phone: 'Phone',
  post: 'Post',
  in_person: 'In person',
};

export const REQUEST_EVENT_LABELS: Record<string, string> = {
  created: 'Filed',
  verified: 'Verified by the emailed link',
  assigned: 'Assigned',
  match_confirmed: 'Match confirmed',
  extended: 'Deadline extended',
  started: 'Work started',
  awaiting_requester: 'Waiting for the requester',
  resumed: 'Work resumed',
  completed: 'Completed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  fulfilment: 'Fulfilment',
  correction_applied: 'Correction applied',
  correction_kept: 'Correction not applied (record kept)',
};

/** Fields a correction request may propose (contacts: name, email, phone, job title; users also company). */
export const CORRECTION_FIELD_LABELS: Record<string, string> = {
  fullName: 'Name',
  email: 'Email',
  phone: 'Phone',
  jobTitle: 'Job title',
  company: 'Company',
};

export const CORRECTION_DECISION_LABELS: Record<string, { label: string; color: string }> = {
  proposed: { label: 'To decide', color: 'yellow' },
  applied: { label: 'Applied', color: 'teal' },
  kept: { label: 'Kept as it was', color: 'gray' },
};

export const FULFILMENT_LABELS: Record<string, string> = {
  erasure_started: 'Erasure started',
  erasure_scheduled: 'Account stopped; erasure after the grace period',
  consent_withdrawn: 'Consent ledger updated',
  export_pending: 'Export pending',
  export_started: 'Data export sent',
  none: 'Nothing to carry out',
};
