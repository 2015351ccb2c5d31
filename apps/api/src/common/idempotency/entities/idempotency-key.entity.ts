import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * One `Idempotency-Key` a caller sent with a POST: while its request runs, a claim with a
 * short lease; once it answered 2xx, that answer, sealed, replayed to retries of the same
 * request until it is purged (`IDEMPOTENCY_KEY_HOURS`). Neither the key nor the request is
 * stored as sent: both are keyed digests (HMAC-SHA256), so a body holding a password leaves
 * nothing to guess it from.
 */
@Entity('idempotency_keys')
@Index('UQ_idempotency_keys_key', ['organizationId', 'principalKind', 'principalId', 'keyDigest'], { unique: true })
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** A new id for every claim: the request that holds it completes or releases only its own. */
  @NotPersonal('surrogate key; the claim of one attempt')
  @PrimaryColumn('uuid')
  id: string;

  @NotPersonal('who sent the key: user or api_key')
  @Column({ name: 'principal_kind', type: 'varchar', length: 16 })
  principalKind: 'user' | 'api_key';

  @NotPersonal('id of the user or API key that sent the key')
  @Column({ name: 'principal_id', type: 'uuid' })
  principalId: string;

  @NotPersonal('keyed digest of the Idempotency-Key header')
  @Column({ name: 'key_digest', type: 'bytea' })
  keyDigest: Buffer;

  @NotPersonal('keyed digest of method, path and body; the request itself is not kept')
  @Column({ name: 'request_digest', type: 'bytea' })
  requestDigest: Buffer;

  @NotPersonal('technical timestamp: when the claim was made')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @NotPersonal('technical timestamp: a claim not completed by then may be taken by a retry; null once answered')
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /*
   * The first answer (status, Location, body), sealed (AES-256-GCM under a platform key, bound
   * to this row). It may hold personal data and one-time secrets (a new API key, a webhook
   * secret); like queued mail it is tied to no subject id and lives only until the hourly
   * purge past IDEMPOTENCY_KEY_HOURS.
   */
  @NotPersonal('the first answer, sealed, purged after IDEMPOTENCY_KEY_HOURS')
  @Column({ name: 'response_sealed', type: 'bytea', nullable: true })
  responseSealed: Buffer | null;
}
