import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import { CONTACT_LIST_KINDS, type ContactListKind } from '../crm.types.js';
import { ContactEntity } from './contact.entity.js';

/** Structured filters only (no free text), so a saved filter holds nobody's name. */
export interface ContactFilter {
  tag?: string;
  branchId?: string;
  ownerId?: string;
  clientId?: string;
}

/** A named list of contacts: hand-picked (static) or a saved filter evaluated when read. */
@Entity('contact_lists')
@Index('IDX_contact_lists_org', ['organizationId', 'name'])
export class ContactListEntity extends TenantOwnedEntity {
  @NotPersonal('list label chosen by the organization, e.g. "Boiler plan renewals"')
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @NotPersonal('static or saved filter')
  @Column({ type: 'enum', enum: CONTACT_LIST_KINDS, enumName: 'contact_list_kind' })
  kind: ContactListKind;

  @NotPersonal('structured filter: tag, branch, owner, client ids; never free text')
  @Column({ type: 'jsonb', nullable: true })
  filter: ContactFilter | null;

  @NotPersonal('branch the list belongs to; null: the whole organization')
  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @NotPersonal('id of the staff member who made the list')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** A list used for this consent purpose holds only contacts with a valid basis for it, enforced in SQL. */
  @NotPersonal('key of the consent purpose the list is used for (e.g. marketing-email); null: none')
  @Column({ name: 'purpose_key', type: 'varchar', length: 40, nullable: true })
  purposeKey: string | null;
}

@Entity('contact_list_members')
@ForeignKey(() => ContactListEntity, ['organizationId', 'listId'], ['organizationId', 'id'], {
  name: 'FK_contact_list_members_list',
  onDelete: 'CASCADE',
})
@ForeignKey(() => ContactEntity, ['organizationId', 'contactId'], ['organizationId', 'id'], {
  name: 'FK_contact_list_members_contact',
  onDelete: 'CASCADE',
})
@Index('IDX_contact_list_members_contact', ['contactId', 'organizationId'])
export class ContactListMemberEntity {
  @NotPersonal('list key')
  @PrimaryColumn({ name: 'list_id', type: 'uuid' })
  listId: string;

  @NotPersonal('membership link; goes with the contact')
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
