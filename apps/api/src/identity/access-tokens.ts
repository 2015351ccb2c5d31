import type { Role } from './identity.types.js';

/** What an access token says about its bearer. Short-lived; checked against the session. */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  org: string;
  role: Role;
  /** The session (refresh family member) the token was issued for. */
  sid: string;
}

/** The authenticated caller, as guards hand it to controllers. */
export interface AuthenticatedUser {
  userId: string;
  organizationId: string;
  role: Role;
  sessionId: string;
}

export const JWT_ISSUER = 'steward-crm';
export const JWT_AUDIENCE = 'steward-crm-api';
