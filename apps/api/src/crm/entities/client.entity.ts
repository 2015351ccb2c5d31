import { Column, Entity, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { CLIENT_KINDS, type ClientKind, CRM_CLIENTS } from '../crm.types.js';
import { BranchScopedEntity } from './crm-record.entity.js';

/**
 * A customer of the organization: a company or an individual. Every descriptive field is
 * sealed under the client's own data key (subject `client:<id>`), so erasing the client
 * shreds them everywhere; search runs on keyed digests of words (`searchTokens`).
 */
@Entity('clients')
@Index('IDX_clients_org_created', ['organizationId', 'createdAt', 'id'])
@Index('IDX_clients_org_branch_created', ['organizationId', 'branchId', 'createdAt'])
@Index('IDX_clients_org_email', ['organizationId', 'emailIndex'])
@Index('IDX_clients_search', { synchronize: false })
@Index('IDX_clients_tags', { synchronize: false })
export class ClientEntity extends BranchScopedEntity {
  @NotPersonal('company or individual')
  @Column({ type: 'enum', enum: CLIENT_KINDS, enumName: 'client_kind' })
  kind: ClientKind;

  @PersonalField(CRM_CLIENTS, { encrypted: true })
  @Column({ name: 'name_enc', type: 'bytea' })
  nameEnc: Buffer;

  @PersonalField(CRM_CLIENTS, { encrypted: true })
  @Column({ name: 'email_enc', type: 'bytea', nullable: true })
  emailEnc: Buffer | null;

  @PersonalField(CRM_CLIENTS)
  @Column({ name: 'email_index', type: 'varchar', length: 64, nullable: true })
  emailIndex: string | null;

  @PersonalField(CRM_CLIENTS, { encrypted: true })
  @Column({ name: 'phone_enc', type: 'bytea', nullable: true })
  phoneEnc: Buffer | null;

  @PersonalField(CRM_CLIENTS, { encrypted: true })
  @Column({ name: 'address_enc', type: 'bytea', nullable: true })
  addressEnc: Buffer | null;

  @PersonalField(CRM_CLIENTS, { encrypted: true })
  @Column({ name: 'company_enc', type: 'bytea', nullable: true })
  companyEnc: Buffer | null;

  @PersonalField(CRM_CLIENTS, { encrypted: true })
  @Column({ name: 'notes_enc', type: 'bytea', nullable: true })
  notesEnc: Buffer | null;

  /** Labels chosen by the organization ("vip", "maintenance-plan"); filterable, so in clear. */
  @PersonalField(CRM_CLIENTS)
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  tags: string[];

  @NotPersonal('id of the staff member responsible')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** Keyed digests of the words of name, email, phone and company: search without plaintext. */
  @PersonalField(CRM_CLIENTS)
  @Column({ name: 'search_tokens', type: 'varchar', length: 16, array: true, default: () => "'{}'", select: false })
  searchTokens: string[];

  @NotPersonal('technical timestamp: last communication, job or invoice')
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  /** Set while processing is restricted (GDPR Art. 18): read-only, left out of lists and exports to others. */
  @PersonalField(CRM_CLIENTS)
  @Column({ name: 'restricted_at', type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;
}
