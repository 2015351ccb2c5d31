import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import { type AccessTokenClaims, JWT_AUDIENCE, JWT_ISSUER } from '../../apps/api/src/identity/access-tokens.js';
import { type Permission, roleHolds } from '../../apps/api/src/identity/permissions.js';
import { BRANCH_SCOPED_ROLES, type Role } from '../../apps/api/src/identity/roles.js';
import { matchesHash } from '../../apps/api/src/identity/secrets.js';
import type { AuditTrail, RequestContext } from './audit.js';
import { API_KEY_BY_PREFIX, API_KEY_RECORD_USE, BEGIN, COMMIT, ROLLBACK, SESSION_ACCESS } from './sql.js';

/** Who calls, as the product's CrmActor (crm/crm-access.ts). */
export interface Actor {
  organizationId: string;
  kind: 'user' | 'api_key';
  id: string;
  role: Role | null;
  /** Undefined: the whole organization. */
  branchScope: string[] | undefined;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

const KEY_FORMAT = /^(stw_[0-9a-f]{10})_([A-Za-z0-9_-]{43})$/;

interface ApiKeyRow {
  ApiKeyEntity_id: string;
  ApiKeyEntity_organization_id: string;
  ApiKeyEntity_secret_hash: string;
  ApiKeyEntity_scopes: string[];
  ApiKeyEntity_expires_at: Date | null;
  ApiKeyEntity_last_used_at: Date | null;
  ApiKeyEntity_revoked_at: Date | null;
}

/**
 * The product's access check without the framework: an HS256 bearer token (key derived
 * from the master key, issuer and audience checked) followed by the same per-request
 * session lookup, or an API key looked up by prefix, compared by hash and its use
 * recorded; then the permission matrix of the route.
 */
export class Authenticator {
  constructor(
    private readonly pool: Pool,
    private readonly signingKey: Buffer,
    private readonly audit: AuditTrail,
  ) {}

  async authenticate(request: IncomingMessage, context: RequestContext, permission: Permission): Promise<Actor> {
    const presentedKey = request.headers['x-api-key'];
    if (typeof presentedKey === 'string') return this.apiKey(presentedKey, context, permission);
    const claims = this.verify(request.headers.authorization);
    const { rows } = await this.pool.query<{ role: Role; branch_ids: string[] }>(SESSION_ACCESS, [
      claims.org,
      claims.sid,
      claims.sub,
      new Date(),
    ]);
    const access = rows[0];
    if (!access) throw new HttpError(401, 'session-expired');
    if (claims.mfa === 'enrol') throw new HttpError(403, 'mfa-enrolment-required');
    if (!roleHolds(access.role, permission)) throw new HttpError(403, 'forbidden');
    return {
      organizationId: claims.org,
      kind: 'user',
      id: claims.sub,
      role: access.role,
      branchScope: BRANCH_SCOPED_ROLES.includes(access.role) ? access.branch_ids : undefined,
    };
  }

  private verify(header: string | undefined): AccessTokenClaims {
    const unauthenticated = new HttpError(401, 'unauthenticated');
    const match = header ? /^bearer (.+)$/i.exec(header) : null;
    const parts = match ? match[1].split('.') : [];
    if (parts.length !== 3) throw unauthenticated;
    const [head, body, signature] = parts;
    const expected = createHmac('sha256', this.signingKey).update(`${head}.${body}`).digest();
    const presented = Buffer.from(signature, 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw unauthenticated;
    try {
      const { alg } = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessTokenClaims & {
        exp?: number;
        nbf?: number;
        iss?: string;
        aud?: string | string[];
      };
      const now = Math.floor(Date.now() / 1000);
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (
        alg !== 'HS256' ||
        typeof claims.exp !== 'number' ||
        claims.exp <= now ||
        (typeof claims.nbf === 'number' && claims.nbf > now) ||
        claims.iss !== JWT_ISSUER ||
        !audiences.includes(JWT_AUDIENCE)
      ) {
        throw unauthenticated;
      }
      return claims;
    } catch {
      throw unauthenticated;
    }
  }

  private async apiKey(presented: string, context: RequestContext, permission: Permission): Promise<Actor> {
    const invalid = new HttpError(401, 'unauthenticated');
    const match = KEY_FORMAT.exec(presented);
    if (!match) throw invalid;
    // A prefix is unique within an organization only: the secret decides between keys that share one.
    const { rows } = await this.pool.query<ApiKeyRow>(API_KEY_BY_PREFIX, [match[1]]);
    if (rows.length === 0) matchesHash('0'.repeat(64), match[2]);
    const key = rows.find((candidate) => matchesHash(candidate.ApiKeyEntity_secret_hash, match[2]));
    if (
      !key ||
      key.ApiKeyEntity_revoked_at ||
      (key.ApiKeyEntity_expires_at && key.ApiKeyEntity_expires_at <= new Date())
    ) {
      throw invalid;
    }
    const lastUsed = key.ApiKeyEntity_last_used_at;
    if (!lastUsed || lastUsed.getTime() < Date.now() - 60_000) await this.recordUse(key, context);
    if (!key.ApiKeyEntity_scopes.includes(permission)) throw new HttpError(403, 'forbidden');
    return {
      organizationId: key.ApiKeyEntity_organization_id,
      kind: 'api_key',
      id: key.ApiKeyEntity_id,
      role: null,
      branchScope: undefined,
    };
  }

  /** The first use of each minute: the last-used time and an `api_key.used` entry, together. */
  private async recordUse(key: ApiKeyRow, context: RequestContext): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(BEGIN);
      const now = new Date();
      const used = await client.query(API_KEY_RECORD_USE, [
        now,
        context.ip,
        key.ApiKeyEntity_organization_id,
        key.ApiKeyEntity_id,
        new Date(now.getTime() - 60_000),
      ]);
      if (used.rowCount) {
        await this.audit.insert(client, context, {
          organizationId: key.ApiKeyEntity_organization_id,
          action: 'api_key.used',
          actor: { kind: 'api_key', id: key.ApiKeyEntity_id },
          targetType: 'api_key',
          targetId: key.ApiKeyEntity_id,
        });
      }
      await client.query(COMMIT);
    } catch (error) {
      await client.query(ROLLBACK);
      throw error;
    } finally {
      client.release();
    }
  }
}
