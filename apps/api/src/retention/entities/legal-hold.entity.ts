import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import type { HoldActorKind, HoldScope } from '../retention.types.js';

/**
 * A legal hold: while active (not released), no retention rule purges what it covers and no
 * erasure of a subject it covers proceeds. It covers a whole organization, one data subject
 * (a client, contact or user), or one record (an invoice, a job…). Releasing it keeps the row,
 * with who released it, when and why: a release is not a deletion.
 */
@Entity('legal_holds')
@Index('IDX_legal_holds_target', ['organizationId', 'targetId'], { where: 'released_at IS NULL' })
@Index('IDX_legal_holds_organization', ['organizationId', 'setAt'])
export class LegalHoldEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('organization, subject or record')
  @Column({ type: 'varchar', length: 16 })
  scope: HoldScope;

  @NotPersonal('the kind of subject (client, contact, user) or record (invoice, job…) held; null for an organization')
  @Column({ name: 'target_kind', type: 'varchar', length: 32, nullable: true })
  targetKind: string | null;

  @NotPersonal('id of the held subject or record (a surrogate key, not the person); null for an organization')
  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId: string | null;

  @NotPersonal('a matter reference and its ground; the form asks for the matter, not for names')
  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @NotPersonal('user or api_key')
  @Column({ name: 'set_by_kind', type: 'varchar', length: 16 })
  setByKind: HoldActorKind;

  @NotPersonal('id of the staff member or API key who set the hold')
  @Column({ name: 'set_by_id', type: 'uuid', nullable: true })
  setById: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt: Date;

  @NotPersonal('user or api_key')
  @Column({ name: 'released_by_kind', type: 'varchar', length: 16, nullable: true })
  releasedByKind: HoldActorKind | null;

  @NotPersonal('id of the staff member or API key who released the hold')
  @Column({ name: 'released_by_id', type: 'uuid', nullable: true })
  releasedById: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @NotPersonal('why the matter no longer needs the data')
  @Column({ name: 'release_reason', type: 'varchar', length: 500, nullable: true })
  releaseReason: string | null;
}
