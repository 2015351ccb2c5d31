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
  // the trail itself
  'audit.exported',
  'audit.verified',
  'audit.purged',
  // retention: the nightly purge's receipt (counts per category)
  'retention.purged',
  // erasure of a data subject: requested, each category done (mode, no values), key destroyed
  'privacy.erasure.started',
  'privacy.erasure.category',
  'privacy.erasure.completed',
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
