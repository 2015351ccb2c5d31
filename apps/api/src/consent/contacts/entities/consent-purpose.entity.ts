import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../../database/tenant-owned.entity.js';
import type { ConsentChannel } from '../contact-consents.types.js';

/** A reason the organization asks contacts to agree to (marketing email, profiling…): an organization setting. */
@Entity('consent_purposes')
@Index('UQ_consent_purposes_org_key', ['organizationId', 'key'], { unique: true })
export class ConsentPurposeEntity extends TenantOwnedEntity {
  @NotPersonal('stable machine name of the purpose, e.g. marketing-email')
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @NotPersonal('purpose label chosen by the organization')
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @NotPersonal('email, sms, phone, post or any')
  @Column({ type: 'varchar', length: 16 })
  channel: ConsentChannel;

  @NotPersonal('whether this is direct marketing (an objection always stops it)')
  @Column({ type: 'boolean' })
  marketing: boolean;

  @NotPersonal('the wording version asked with now')
  @Column({ name: 'current_wording_version', type: 'integer', default: 1 })
  currentWordingVersion: number;

  @NotPersonal('technical timestamp: no new consents once archived')
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

/** The exact words a person was shown; kept for ever, since ledger entries point at them. */
@Entity('consent_purpose_wordings')
@ForeignKey(() => ConsentPurposeEntity, ['organizationId', 'purposeId'], ['organizationId', 'id'], {
  name: 'FK_consent_purpose_wordings_purpose',
  onDelete: 'CASCADE',
})
@Index('UQ_consent_purpose_wordings_version', ['organizationId', 'purposeId', 'version'], { unique: true })
export class ConsentPurposeWordingEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the purpose')
  @Column({ name: 'purpose_id', type: 'uuid' })
  purposeId: string;

  @NotPersonal('1, 2, … per purpose')
  @Column({ type: 'integer' })
  version: number;

  @NotPersonal('the consent wording written by the organization')
  @Column({ type: 'text' })
  text: string;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
