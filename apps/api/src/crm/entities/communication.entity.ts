import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import {
  COMMUNICATION_KINDS,
  type CommunicationKind,
  CRM_COMMUNICATIONS,
  DIRECTIONS,
  type Direction,
} from '../crm.types.js';
import { ClientEntity } from './client.entity.js';
import { ContactEntity } from './contact.entity.js';
import { BranchScopedEntity } from './crm-record.entity.js';

/**
 * A call, email, meeting or note with a client and/or contact. Subject and body are sealed
 * under the contact's key when there is a contact, else the client's: erasing that person
 * shreds what was said with them.
 */
@Entity('communications')
@ForeignKey(() => ClientEntity, ['organizationId', 'clientId'], ['organizationId', 'id'], {
  name: 'FK_communications_client',
  onDelete: 'CASCADE',
})
@ForeignKey(() => ContactEntity, ['organizationId', 'contactId'], ['organizationId', 'id'], {
  name: 'FK_communications_contact',
  onDelete: 'CASCADE',
})
@Check('CHK_communications_party', '"client_id" IS NOT NULL OR "contact_id" IS NOT NULL')
// The record's id first: the same index serves a timeline (with the organization) and the
// foreign key's ON DELETE CASCADE when a client or contact is erased.
@Index('IDX_communications_client_org_time', ['clientId', 'organizationId', 'occurredAt'])
@Index('IDX_communications_contact_org_time', ['contactId', 'organizationId', 'occurredAt'])
export class CommunicationEntity extends BranchScopedEntity {
  @NotPersonal('link to the client')
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @NotPersonal('link to the contact')
  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @NotPersonal('call, email, meeting or note')
  @Column({ type: 'enum', enum: COMMUNICATION_KINDS, enumName: 'communication_kind' })
  kind: CommunicationKind;

  @NotPersonal('inbound, outbound or internal')
  @Column({ type: 'enum', enum: DIRECTIONS, enumName: 'communication_direction' })
  direction: Direction;

  @PersonalField(CRM_COMMUNICATIONS)
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @NotPersonal('length of a call or meeting')
  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  @NotPersonal('id of the staff member who logged it')
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @NotPersonal('api key that logged it, when an integration did')
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @PersonalField(CRM_COMMUNICATIONS, { encrypted: true })
  @Column({ name: 'subject_enc', type: 'bytea', nullable: true })
  subjectEnc: Buffer | null;

  @PersonalField(CRM_COMMUNICATIONS, { encrypted: true })
  @Column({ name: 'body_enc', type: 'bytea', nullable: true })
  bodyEnc: Buffer | null;
}
