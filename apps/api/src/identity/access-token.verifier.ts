import { Injectable } from '@nestjs/common';
import { createVerifier } from 'fast-jwt';
import { AppError } from '../common/app-error.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { type AccessTokenClaims, type AuthenticatedUser, JWT_AUDIENCE, JWT_ISSUER } from './access-tokens.js';
import { SessionsRepository } from './sessions.repository.js';

const BEARER = /^bearer\s+(\S+)$/i;
const INVALID_TOKEN = 'Send a valid access token: Authorization: Bearer <token>';

/**
 * Bearer access tokens (HS256, key derived from the master key, signed by AuthService through
 * @nestjs/jwt). A token is honoured only while its session is: signing out or a detected
 * refresh-token theft ends it at once, as the session is looked up on every request.
 *
 * Verified with fast-jwt, whose verifier is built once and remembers tokens it has verified
 * (an LRU keyed by a hash of the token, each entry kept no longer than the token's `exp`):
 * a client sends the same token for its whole life. passport-jwt and jsonwebtoken spent
 * about a tenth of a small request's CPU here (issue 19, docs/benchmarks.md).
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly verify: (token: string) => AccessTokenClaims;

  constructor(
    keyring: KeyringService,
    private readonly sessions: SessionsRepository,
  ) {
    this.verify = createVerifier({
      key: keyring.deriveKey('access-token-signing'),
      algorithms: ['HS256'],
      allowedIss: JWT_ISSUER,
      allowedAud: JWT_AUDIENCE,
      requiredClaims: ['exp', 'sub', 'org', 'sid'],
      cache: 1000,
    });
  }

  /** The signed-in person an `Authorization: Bearer` header names; 401 for anything else. */
  async authenticate(authorization: string | undefined): Promise<AuthenticatedUser> {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (!token) throw new AppError('unauthenticated', INVALID_TOKEN);
    let claims: AccessTokenClaims;
    try {
      claims = this.verify(token);
    } catch {
      throw new AppError('unauthenticated', INVALID_TOKEN);
    }
    // An error here (the session lookup) is ours to report, not a bad token: an unreachable
    // database must answer 503, not tell the client it was signed out.
    const access = await this.sessions.activeAccess(claims.org, claims.sid, claims.sub);
    if (!access) throw new AppError('session-expired');
    return {
      kind: 'user',
      userId: claims.sub,
      organizationId: claims.org,
      role: access.role,
      branchIds: access.branchIds,
      sessionId: claims.sid,
      mfaEnrolmentRequired: claims.mfa === 'enrol',
    };
  }
}
