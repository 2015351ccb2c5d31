import type { Role } from './roles.js';

/** What an access token says about its bearer. Short-lived; checked against the session. */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  org: string;
  role: Role;
  /** The session (refresh family member) the token was issued for. */
  sid: string;
  /** Set when the organization requires MFA and the user has not enrolled: only enrolment is allowed. */
  mfa?: 'enrol';
}

/** The short-lived token between a correct password and the second factor. */
export interface MfaChallengeClaims {
  sub: string;
  org: string;
  /** "Keep me signed in", carried to the session the second factor will create. */
  keep: boolean;
}

/** A signed-in person, as guards hand it to controllers. */
export interface AuthenticatedUser {
  kind: 'user';
  userId: string;
  organizationId: string;
  /** The role and branches as they are now (read with the session on every request). */
  role: Role;
  branchIds: string[];
  sessionId: string;
  /** Only the MFA enrolment routes are open until this is false. */
  mfaEnrolmentRequired: boolean;
}

/** An integration calling with an API key: it holds scopes, not a role. */
export interface ApiKeyPrincipal {
  kind: 'api-key';
  apiKeyId: string;
  organizationId: string;
  scopes: string[];
}

/** Whoever calls a route that API keys may use too. */
export type Caller = AuthenticatedUser | ApiKeyPrincipal;

export const JWT_ISSUER = 'steward-crm';
export const JWT_AUDIENCE = 'steward-crm-api';
/** A different audience: an MFA challenge token is never accepted as an access token. */
export const MFA_AUDIENCE = 'steward-crm-mfa';
