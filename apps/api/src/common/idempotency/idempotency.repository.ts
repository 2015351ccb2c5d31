import { Injectable } from '@nestjs/common';
import { TransactionService } from '../../database/transaction.service.js';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';

/** Who sent a key, and which key: the row's natural key. */
export interface KeyOwner {
  organizationId: string;
  principalKind: 'user' | 'api_key';
  principalId: string;
  keyDigest: Buffer;
}

/** A row as the interceptor weighs it. */
export type StoredKey = Pick<
  IdempotencyKeyEntity,
  'id' | 'requestDigest' | 'createdAt' | 'leaseUntil' | 'completedAt' | 'responseSealed'
>;

const COLUMNS = `id, request_digest AS "requestDigest", created_at AS "createdAt", lease_until AS "leaseUntil",
  completed_at AS "completedAt", response_sealed AS "responseSealed"`;

/**
 * The Idempotency-Key store. Every change is one statement conditioned on the claim's id, so
 * two requests racing for one key (two replicas, a retry beside a slow first attempt) never
 * both own it, and an attempt that lost its claim cannot overwrite the new holder's answer.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly transactions: TransactionService) {}

  private manager() {
    return this.transactions.managerOf();
  }

  /** Claims a key not yet stored; false when a row for it exists already. */
  async insertClaim(owner: KeyOwner, claim: { id: string; requestDigest: Buffer; now: Date; leaseUntil: Date }) {
    const rows: unknown[] = await this.manager().query(
      `INSERT INTO idempotency_keys
         (organization_id, id, principal_kind, principal_id, key_digest, request_digest, created_at, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organization_id, principal_kind, principal_id, key_digest) DO NOTHING
       RETURNING id`,
      [
        owner.organizationId,
        claim.id,
        owner.principalKind,
        owner.principalId,
        owner.keyDigest,
        claim.requestDigest,
        claim.now,
        claim.leaseUntil,
      ],
    );
    return rows.length === 1;
  }

  async find(owner: KeyOwner): Promise<StoredKey | null> {
    const rows: StoredKey[] = await this.manager().query(
      `SELECT ${COLUMNS} FROM idempotency_keys
        WHERE organization_id = $1 AND principal_kind = $2 AND principal_id = $3 AND key_digest = $4`,
      [owner.organizationId, owner.principalKind, owner.principalId, owner.keyDigest],
    );
    return rows[0] ?? null;
  }

  /**
   * Takes over the row `previousId` (past its period, or a claim whose lease ran out) as a
   * new claim; false when someone else changed it first.
   */
  async takeOver(
    owner: KeyOwner,
    previousId: string,
    claim: { id: string; requestDigest: Buffer; now: Date; leaseUntil: Date },
  ): Promise<boolean> {
    const [, changed]: [unknown, number] = await this.manager().query(
      `UPDATE idempotency_keys
          SET id = $3, request_digest = $4, created_at = $5, lease_until = $6, completed_at = NULL, response_sealed = NULL
        WHERE organization_id = $1 AND id = $2`,
      [owner.organizationId, previousId, claim.id, claim.requestDigest, claim.now, claim.leaseUntil],
    );
    return changed === 1;
  }

  /** Stores the answer of the claim `id`; false when the claim was lost (its lease ran out and a retry took it). */
  async complete(organizationId: string, id: string, responseSealed: Buffer, now: Date): Promise<boolean> {
    const [, changed]: [unknown, number] = await this.manager().query(
      `UPDATE idempotency_keys SET completed_at = $3, lease_until = NULL, response_sealed = $4
        WHERE organization_id = $1 AND id = $2 AND completed_at IS NULL`,
      [organizationId, id, now, responseSealed],
    );
    return changed === 1;
  }

  /** Gives the key up (the request failed), so a retry runs again. */
  async release(organizationId: string, id: string): Promise<void> {
    await this.manager().query(
      'DELETE FROM idempotency_keys WHERE organization_id = $1 AND id = $2 AND completed_at IS NULL',
      [organizationId, id],
    );
  }
}
