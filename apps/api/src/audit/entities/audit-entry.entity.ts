import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { AUDIT_TRAIL } from '../audit.types.js';

/**
 * One entry of an organization's audit trail. Append-only: triggers refuse UPDATE, DELETE
 * and TRUNCATE (only `audit_purge()`, the retention purge, may delete old entries), and
 * the insert trigger numbers the entry, stamps its time and chains its hash.
 */
@Entity('audit_entries')
@Index('IDX_audit_entries_at', ['organizationId', 'at'])
@Index('IDX_audit_entries_actor', ['organizationId', 'actorId', 'seq'])
@Index('IDX_audit_entries_target', ['organizationId', 'targetId', 'seq'])
@Index('IDX_audit_entries_action', ['organizationId', 'action', 'seq'])
export class AuditEntryEntity {
  @NotPersonal('tenant key (the platform chain for events with no organization)')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('position in the chain, set by the database')
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @NotPersonal('technical timestamp, set by the database')
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @NotPersonal('user, api_key, system or anonymous')
  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  /** A staff member's actions are their personal data (security and audit information). */
  @PersonalField(AUDIT_TRAIL)
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @NotPersonal('what happened, e.g. auth.sign_in')
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @NotPersonal('kind of thing acted on, e.g. contact')
  @Column({ name: 'target_type', type: 'varchar', length: 40, nullable: true })
  targetType: string | null;

  @PersonalField(AUDIT_TRAIL)
  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @NotPersonal('success, failure or denied')
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @NotPersonal('request id, to match log lines')
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @PersonalField(AUDIT_TRAIL)
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @PersonalField(AUDIT_TRAIL)
  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @NotPersonal('non-personal particulars: field names, roles, scopes, reasons')
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @NotPersonal('hash of the previous entry of the chain')
  @Column({ name: 'prev_hash', type: 'bytea' })
  prevHash: Buffer;

  @NotPersonal('SHA-256 of prev_hash and this entry')
  @Column({ type: 'bytea' })
  hash: Buffer;
}

/** The end of each organization's chain: the insert trigger locks and advances it. */
@Entity('audit_chain_heads')
export class AuditChainHeadEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('last sequence number handed out')
  @Column({ type: 'bigint' })
  seq: string;

  @NotPersonal('hash of the last entry')
  @Column({ type: 'bytea' })
  hash: Buffer;
}

/** Written by the retention purge: where the remaining chain starts. Append-only too. */
@Entity('audit_checkpoints')
export class AuditCheckpointEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('last purged sequence number')
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @NotPersonal('hash of the last purged entry: the first remaining entry chains from it')
  @Column({ type: 'bytea' })
  hash: Buffer;

  @NotPersonal('how many entries this purge removed')
  @Column({ name: 'purged_count', type: 'integer' })
  purgedCount: number;

  @NotPersonal('entries older than this were purged')
  @Column({ name: 'purged_before', type: 'timestamptz' })
  purgedBefore: Date;

  @NotPersonal('technical timestamp')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
