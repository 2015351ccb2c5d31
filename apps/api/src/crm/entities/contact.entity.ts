import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { CRM_CONTACTS } from '../crm.types.js';
import { ClientEntity } from './client.entity.js';
import { BranchScopedEntity } from './crm-record.entity.js';

/** A person: at a client company, or on their own. Sealed under `contact:<id>`. */
@Entity('contacts')
// Erasing a client keeps its people as independent contacts (they are subjects of their own).
@ForeignKey(() => ClientEntity, ['organizationId', 'clientId'], ['organizationId', 'id'], {
  name: 'FK_contacts_client',
  onDelete: 'SET NULL',
})
@Index('IDX_contacts_org_created', ['organizationId', 'createdAt', 'id'])
@Index('IDX_contacts_org_branch_created', ['organizationId', 'branchId', 'createdAt'])
// client_id first: also serves the foreign key when a client is deleted (ON DELETE SET NULL).
@Index('IDX_contacts_client_org', ['clientId', 'organizationId'])
@Index('IDX_contacts_org_email', ['organizationId', 'emailIndex'])
@Index('IDX_contacts_search', { synchronize: false })
@Index('IDX_contacts_tags', { synchronize: false })
export class ContactEntity extends BranchScopedEntity {
  @NotPersonal('link to the client the person works for')
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @PersonalField(CRM_CONTACTS, { encrypted: true })
  @Column({ name: 'full_name_enc', type: 'bytea' })
  fullNameEnc: Buffer;

  @PersonalField(CRM_CONTACTS, { encrypted: true })
  @Column({ name: 'email_enc', type: 'bytea', nullable: true })
  emailEnc: Buffer | null;

  @PersonalField(CRM_CONTACTS)
  @Column({ name: 'email_index', type: 'varchar', length: 64, nullable: true })
  emailIndex: string | null;

  @PersonalField(CRM_CONTACTS, { encrypted: true })
  @Column({ name: 'phone_enc', type: 'bytea', nullable: true })
  phoneEnc: Buffer | null;

  @PersonalField(CRM_CONTACTS, { encrypted: true })
  @Column({ name: 'job_title_enc', type: 'bytea', nullable: true })
  jobTitleEnc: Buffer | null;

  @PersonalField(CRM_CONTACTS, { encrypted: true })
  @Column({ name: 'address_enc', type: 'bytea', nullable: true })
  addressEnc: Buffer | null;

  @PersonalField(CRM_CONTACTS, { encrypted: true })
  @Column({ name: 'notes_enc', type: 'bytea', nullable: true })
  notesEnc: Buffer | null;

  @PersonalField(CRM_CONTACTS)
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  tags: string[];

  @NotPersonal('id of the staff member responsible')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @PersonalField(CRM_CONTACTS)
  @Column({ name: 'search_tokens', type: 'varchar', length: 16, array: true, default: () => "'{}'", select: false })
  searchTokens: string[];

  @NotPersonal('technical timestamp: last communication')
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  @PersonalField(CRM_CONTACTS)
  @Column({ name: 'restricted_at', type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;
}
