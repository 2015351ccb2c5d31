/** The personal-data category of the audit trail (actor ids, targets, IP and user agent). */
export const AUDIT_TRAIL = 'audit.trail';

export const ACTOR_KINDS = ['user', 'api_key', 'system', 'anonymous'] as const;
export type AuditActorKind = (typeof ACTOR_KINDS)[number];

export const OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof OUTCOMES)[number];

/**
 * Every action the trail records, grouped by area. Stored as text (not a database enum)
 * so later contexts add theirs without a migration; the query API validates against it.
 */
export const AUDIT_ACTIONS = [
  // authentication and security
  'auth.sign_in',
  'auth.sign_in.mfa',
  'auth.sign_out',
  'auth.lockout',
  'auth.session.revoked',
  'auth.sessions.revoked_all',
  'auth.session.replayed',
  'auth.password.changed',
  'auth.password.reset',
  'auth.email.change_requested',
  'auth.email.changed',
  'auth.mfa.enrolled',
  'auth.mfa.disabled',
  'auth.mfa.recovery_codes_regenerated',
  'api_key.created',
  'api_key.used',
  'api_key.revoked',
  'access.denied',
  // people and settings
  'organization.created',
  'user.created',
  'user.email_verified',
  'user.invited',
  'user.invitation_accepted',
  'user.invitation_cancelled',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'user.deactivated_for_erasure',
  'user.profile_updated',
  'organization.updated',
  'branch.created',
  'branch.updated',
  'branch.deleted',
  // personal data access
  'personal_data.viewed',
  'personal_data.exported',
  // CRM records
  'record.created',
  'record.updated',
  'record.deleted',
  // an invoice emailed to its bill-to address, with the PDF (the outcome only: sent, queued, failed)
  'invoice.emailed',
  // the trail itself
  'audit.exported',
  'audit.verified',
  'audit.purged',
  // retention: a rule's run receipt (rule, setting value, cut-off, counts per category, held, outcome)
  'retention.purged',
  'retention.run_requested',
  'retention.period_changed',
  // legal holds: set and released (with the matter reference)
  'legal_hold.set',
  'legal_hold.released',
  // an erasure waits while a legal hold covers its subject
  'privacy.erasure.held',
  // usage analytics: the nightly rollup's receipt (days rolled up, rows and salts deleted)
  'analytics.rolled-up',
  // subscriptions: set by the operator's billing, terminated and restored by an owner, reminders;
  // the nightly runs' receipts and each purged organization's receipt (platform trail)
  'subscription.changed',
  'subscription.terminated',
  'subscription.restored',
  'subscription.reminder_sent',
  'subscriptions.reminders_sent',
  'subscriptions.purge_ran',
  'organization.purged',
  // erasure of a data subject: requested, each category done (mode, no values), key destroyed
  'privacy.erasure.started',
  'privacy.erasure.category',
  'privacy.erasure.completed',
  // restriction of processing (Art. 18): applied with a reason code (never free text), lifted
  'privacy.restriction.applied',
  'privacy.restriction.lifted',
  // access exports: requested, built, downloaded (link or signed in), failed, file purged at expiry
  'privacy.export.requested',
  'privacy.export.ready',
  'privacy.export.downloaded',
  'privacy.export.failed',
  'privacy.export.purged',
  // the privacy policy and notice: drafts, publication, acceptance, processors, contact
  'privacy.policy.draft_saved',
  'privacy.policy.published',
  'privacy.policy.accepted',
  'privacy.processor.changed',
  'privacy.contact.changed',
  // consent ledger for contacts: purposes (settings) and entries (keys and actions, never names)
  'consent.purpose_created',
  'consent.purpose_updated',
  'consent.purpose_archived',
  'consent.recorded',
  'consent.opt_in_requested',
  'consent.opt_in_confirmed',
  // webhooks: endpoints (settings; never the secret or the url's query) and manual retries
  'webhook.endpoint_created',
  'webhook.endpoint_updated',
  'webhook.endpoint_deleted',
  'webhook.secret_rotated',
  'webhook.delivery_retried',
  // data-subject requests: intake, verification and each desk action (types, statuses and ids, never who asked)
  'privacy.request.created',
  'privacy.request.verified',
  'privacy.request.assigned',
  'privacy.request.match_confirmed',
  'privacy.request.extended',
  'privacy.request.status_changed',
  'privacy.request.completed',
  'privacy.request.rejected',
  'privacy.request.cancelled',
  'privacy.request.expired',
  'privacy.request.correction_applied',
  'privacy.request.correction_kept',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it. `anonymous`: not signed in (a failed sign-in). */
export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
}

/** What a context reports; time, sequence, hash and the request's technical data are added. */
export interface AuditEvent {
  organizationId: string | null;
  action: AuditAction;
  outcome?: AuditOutcome;
  /** Defaults to the caller of the current request. */
  actor?: AuditActor;
  targetType?: string;
  targetId?: string;
  /** Non-personal particulars only: field names, roles, scopes, reason codes. */
  details?: Record<string, unknown>;
}
