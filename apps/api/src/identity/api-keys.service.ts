import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import type { ApiKeyPrincipal, AuthenticatedUser } from './access-tokens.js';
import type { ApiKeyCreateDto } from './api-keys.dto.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { ApiKeyEntity } from './entities/api-key.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OPERATOR_SCOPES, type Permission, roleHolds } from './permissions.js';
import { matchesHash, newSecret, sha256Hex } from './secrets.js';

const KEY_FORMAT = /^(stw_[0-9a-f]{10})_([A-Za-z0-9_-]{43})$/;

/** API keys: created by administrators, scoped, shown once, revocable, optionally expiring. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
    private readonly settings: AppSettings,
  ) {}

  /** The organization that operates this installation (OPERATOR_ORGANIZATION), whose keys may hold operator scopes. */
  private async isOperator(organizationId: string): Promise<boolean> {
    const operator = this.settings.privacy.operatorOrganization;
    return Boolean(operator) && (await this.organizations.findById(organizationId))?.slug === operator;
  }

  async create(caller: AuthenticatedUser, input: ApiKeyCreateDto): Promise<{ key: ApiKeyEntity; secret: string }> {
    const operatorScopes = input.scopes.filter((scope) => OPERATOR_SCOPES.includes(scope as Permission));
    if (operatorScopes.length && !(await this.isOperator(caller.organizationId))) {
      throw new AppError('forbidden', `Only the operator organization's keys can hold ${operatorScopes.join(', ')}`);
    }
    const beyond = input.scopes.filter(
      (scope) => !OPERATOR_SCOPES.includes(scope as Permission) && !roleHolds(caller.role, scope as Permission),
    );
    if (beyond.length) {
      throw new AppError('forbidden', `You cannot grant what your role does not hold: ${beyond.join(', ')}`);
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= this.clock.now()) {
      throw new AppError('validation-failed', 'expiresAt must be in the future', {
        errors: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }],
      });
    }
    const prefix = `stw_${randomBytes(5).toString('hex')}`;
    const secret = newSecret();
    const key = await this.transactions.run(async (tx) => {
      const created = await this.keys.insert(
        {
          organizationId: caller.organizationId,
          name: input.name.trim(),
          prefix,
          secretHash: sha256Hex(secret),
          scopes: [...new Set(input.scopes)].sort(),
          createdByUserId: caller.userId,
          expiresAt,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: created.id,
        details: { prefix, scopes: created.scopes, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return created;
    });
    return { key, secret: `${prefix}_${secret}` };
  }

  list(caller: AuthenticatedUser, updatedSince?: Date): Promise<ApiKeyEntity[]> {
    return this.keys.list(caller.organizationId, updatedSince);
  }

  async get(caller: AuthenticatedUser, id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.find(caller.organizationId, id);
    if (!key) throw new AppError('not-found', 'No such API key');
    return key;
  }

  async revoke(caller: AuthenticatedUser, id: string): Promise<void> {
    const revoked = await this.transactions.run(async (tx) => {
      if (!(await this.keys.revoke(caller.organizationId, id, tx))) return false;
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'api_key.revoked',
        targetType: 'api_key',
        targetId: id,
      });
      return true;
    });
    if (!revoked) throw new AppError('not-found', 'No such active API key');
  }

  /** Checks a presented key; the same 401 for a malformed, unknown, revoked or expired one. */
  async authenticate(presented: string, ip: string | null): Promise<ApiKeyPrincipal> {
    const invalid = () => new AppError('unauthenticated', 'The API key is not valid');
    const match = KEY_FORMAT.exec(presented);
    if (!match) throw invalid();
    // A prefix is unique within an organization only: the secret decides between keys that share one.
    const candidates = await this.keys.findByPrefix(match[1]);
    // Compared even for an unknown prefix, so both take the same time.
    if (candidates.length === 0) matchesHash('0'.repeat(64), match[2]);
    const key = candidates.find((candidate) => matchesHash(candidate.secretHash, match[2]));
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= this.clock.now())) throw invalid();
    // The first use of each minute is recorded (with the last-used time), not every call.
    if (!key.lastUsedAt || key.lastUsedAt.getTime() < this.clock.nowMs() - 60_000) await this.recordUse(key, ip);
    return { kind: 'api-key', apiKeyId: key.id, organizationId: key.organizationId, scopes: key.scopes };
  }

  private recordUse(key: ApiKeyEntity, ip: string | null): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.keys.recordUse(key.organizationId, key.id, ip, tx))) return;
      this.audit.record(tx, {
        organizationId: key.organizationId,
        action: 'api_key.used',
        actor: { kind: 'api_key', id: key.id },
        targetType: 'api_key',
        targetId: key.id,
      });
    });
  }
}
