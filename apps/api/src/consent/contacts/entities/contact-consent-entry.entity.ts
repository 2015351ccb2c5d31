import { Column, Entity, ForeignKey, Generated, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import {
  CONSENT_CONTACT_PURPOSES,
  type ConsentAction,
  type ConsentLawfulBasis,
  type ConsentSource,
  type RecorderKind,
} from '../contact-consents.types.js';
import { ConsentPurposeEntity, ConsentPurposeWordingEntity } from './consent-purpose.entity.js';

/**
 * One entry of a contact's consent ledger. Append-only: a trigger refuses UPDATE always and
 * DELETE outside an erasure or retention purge (see the migration). The current state of a
 * purpose is the latest entry (recorded_at, then seq).
 */
@Entity('contact_consent_entries')
@ForeignKey(() => ConsentPurposeEntity, ['organizationId', 'purposeId'], ['organizationId', 'id'], {
  name: 'FK_contact_consent_entries_purpose',
  onDelete: 'RESTRICT',
})
@ForeignKey(() => ConsentPurposeWordingEntity, ['organizationId', 'wordingId'], ['organizationId', 'id'], {
  name: 'FK_contact_consent_entries_wording',
  onDelete: 'RESTRICT',
})
@Index('IDX_contact_consent_entries_latest', ['organizationId', 'contactId', 'purposeId', 'recordedAt', 'seq'])
@Index('IDX_contact_consent_entries_purpose', ['organizationId', 'purposeId', 'recordedAt'])
@Index('IDX_contact_consent_entries_wording', ['wordingId', 'organizationId'])
@Index('IDX_contact_consent_entries_confirmation', ['confirmationId'])
export class ContactConsentEntryEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('order of recording: breaks ties between entries of the same instant')
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('link to the contact; the entries go with the contact')
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @NotPersonal('the purpose')
  @Column({ name: 'purpose_id', type: 'uuid' })
  purposeId: string;

  @NotPersonal('the exact wording shown; null for a withdrawal or objection')
  @Column({ name: 'wording_id', type: 'uuid', nullable: true })
  wordingId: string | null;

  @PersonalField(CONSENT_CONTACT_PURPOSES)
  @Column({ type: 'varchar', length: 16 })
  action: ConsentAction;

  @PersonalField(CONSENT_CONTACT_PURPOSES)
  @Column({ name: 'lawful_basis', type: 'varchar', length: 32, nullable: true })
  lawfulBasis: ConsentLawfulBasis | null;

  @PersonalField(CONSENT_CONTACT_PURPOSES)
  @Column({ type: 'varchar', length: 16 })
  source: ConsentSource;

  @NotPersonal('user, api_key or subject (the person, through the double opt-in)')
  @Column({ name: 'recorded_by_kind', type: 'varchar', length: 16 })
  recordedByKind: RecorderKind;

  @NotPersonal('id of the staff member or API key; null for the person themself')
  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  @PersonalField(CONSENT_CONTACT_PURPOSES)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @NotPersonal(
    'the double opt-in request a pending or confirmed entry came from (no foreign key: the request row expires, the entry stays)',
  )
  @Column({ name: 'confirmation_id', type: 'uuid', nullable: true })
  confirmationId: string | null;
}
