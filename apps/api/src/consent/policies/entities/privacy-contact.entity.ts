import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { VersionedEntity } from '../../../database/tenant-owned.entity.js';

/**
 * The controller's published privacy contact (GDPR Art. 13(1)(a)–(b)) and supervisory
 * authority, for the platform policy (no organization) or an organization's notice. These
 * are role addresses published on purpose, not data about a person the product processes.
 */
@Entity('privacy_contacts')
// One per controller, the platform's (no organization) included: a COALESCE index, in the migration.
@Index('UQ_privacy_contacts_owner', { synchronize: false })
export class PrivacyContactEntity extends VersionedEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key; null for the platform')
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @NotPersonal('legal name of the controller, published')
  @Column({ name: 'controller_name', type: 'varchar', length: 200 })
  controllerName: string;

  @NotPersonal('published privacy role address (privacy@…)')
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @NotPersonal('published title or role of the data protection officer')
  @Column({ name: 'dpo_name', type: 'varchar', length: 200, nullable: true })
  dpoName: string | null;

  @NotPersonal('published role address of the data protection officer')
  @Column({ name: 'dpo_email', type: 'varchar', length: 254, nullable: true })
  dpoEmail: string | null;

  @NotPersonal('published business address')
  @Column({ name: 'postal_address', type: 'varchar', length: 400, nullable: true })
  postalAddress: string | null;

  @NotPersonal('published business phone')
  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @NotPersonal('name of the lead supervisory authority')
  @Column({ name: 'authority_name', type: 'varchar', length: 200 })
  authorityName: string;

  @NotPersonal('web address of the supervisory authority')
  @Column({ name: 'authority_url', type: 'varchar', length: 400, nullable: true })
  authorityUrl: string | null;
}
