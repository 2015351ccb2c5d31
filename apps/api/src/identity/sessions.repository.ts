import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { Clock } from '../common/clock.js';
import { deleteBatch } from '../database/batch-delete.js';
import { insertEntity } from '../database/insert-entity.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { SessionEntity } from './entities/session.entity.js';
import type { Role } from './identity.types.js';

export type NewSession = Pick<
  SessionEntity,
  'organizationId' | 'userId' | 'familyId' | 'tokenHash' | 'persistent' | 'expiresAt' | 'userAgent' | 'ip'
> &
  Partial<Pick<SessionEntity, 'id'>>;

@Injectable()
export class SessionsRepository {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  private sessions(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(SessionEntity);
  }

  async insert(values: NewSession, tx?: Transaction): Promise<SessionEntity> {
    const now = this.clock.now();
    return insertEntity(this.sessions(tx), { ...values, lastSeenAt: now });
  }

  findByTokenHash(tokenHash: string, tx?: Transaction): Promise<SessionEntity | null> {
    return this.sessions(tx).findOne({ where: { tokenHash }, lock: tx ? { mode: 'pessimistic_write' } : undefined });
  }

  /**
   * The access an active session grants right now: the holder's current role and branches.
   * Null when the session is revoked, rotated or expired, or the account is not active, so
   * a role change or a disabled account takes effect on the next request, not at token expiry.
   */
  async activeAccess(
    organizationId: string,
    id: string,
    userId: string,
  ): Promise<{ role: Role; branchIds: string[] } | null> {
    const rows: Array<{ role: Role; branch_ids: string[] }> = await this.sessions().query(
      `SELECT u.role, u.branch_ids
         FROM sessions s JOIN users u ON u.organization_id = s.organization_id AND u.id = s.user_id
        WHERE s.organization_id = $1 AND s.id = $2 AND s.user_id = $3 AND s.revoked_at IS NULL
          AND s.rotated_at IS NULL AND s.expires_at > $4 AND u.state = 'active'`,
      [organizationId, id, userId, this.clock.now()],
    );
    return rows[0] ? { role: rows[0].role, branchIds: rows[0].branch_ids } : null;
  }

  async markRotated(organizationId: string, id: string, tx: Transaction): Promise<void> {
    await this.sessions(tx).update({ organizationId, id }, { rotatedAt: this.clock.now() });
  }

  async revokeFamily(familyId: string, tx?: Transaction): Promise<void> {
    await this.sessions(tx).update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revoke(organizationId: string, id: string): Promise<void> {
    await this.sessions().update({ organizationId, id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /**
   * One row per signed-in device: the live member of each session family, with the time
   * of the family's first sign-in.
   */
  async listActiveFamilies(
    organizationId: string,
    userId: string,
  ): Promise<Array<SessionEntity & { signedInAt: Date }>> {
    const rows: Array<Record<string, unknown>> = await this.sessions().query(
      `SELECT s.id, s.family_id, s.user_agent, s.ip, s.persistent, s.created_at, s.expires_at,
              (SELECT min(f.created_at) FROM sessions f WHERE f.family_id = s.family_id) AS signed_in_at
         FROM sessions s
        WHERE s.organization_id = $1 AND s.user_id = $2
          AND s.revoked_at IS NULL AND s.rotated_at IS NULL AND s.expires_at > $3
        ORDER BY s.created_at DESC`,
      [organizationId, userId, this.clock.now()],
    );
    return rows.map((row) =>
      Object.assign(new SessionEntity(), {
        id: row.id,
        familyId: row.family_id,
        userAgent: row.user_agent,
        ip: row.ip,
        persistent: row.persistent,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        signedInAt: row.signed_in_at as Date,
      }),
    );
  }

  findById(organizationId: string, id: string): Promise<SessionEntity | null> {
    return this.sessions().findOneBy({ organizationId, id });
  }

  /** Ends one device's session of this user; false when it is not theirs. */
  async revokeFamilyOf(organizationId: string, userId: string, familyId: string, tx?: Transaction): Promise<boolean> {
    const result = await this.sessions(tx).update(
      { organizationId, userId, familyId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    return (result.affected ?? 0) > 0;
  }

  listForUser(organizationId: string, userId: string): Promise<SessionEntity[]> {
    return this.sessions().find({ where: { organizationId, userId }, order: { createdAt: 'DESC' } });
  }

  async revokeForUser(organizationId: string, userId: string, tx?: Transaction): Promise<void> {
    await this.sessions(tx).update({ organizationId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Every session of the user but one device's: after a password change, the others end. */
  async revokeForUserExceptFamily(
    organizationId: string,
    userId: string,
    familyId: string,
    tx?: Transaction,
  ): Promise<void> {
    await this.sessions(tx).update(
      { organizationId, userId, familyId: Not(familyId), revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
  }

  /** Up to `limit` of the user's sessions (one erasure step). */
  deleteForUser(organizationId: string, userId: string, limit: number, tx: Transaction): Promise<number> {
    return deleteBatch(tx, 'sessions', 'organization_id = $1 AND user_id = $2', [organizationId, userId], limit);
  }
}
