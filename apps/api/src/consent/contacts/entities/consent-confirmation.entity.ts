import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/** A double opt-in link sent by email: single use, expiring, stored only as a hash. */
@Entity('consent_confirmations')
@Index('IDX_consent_confirmations_contact', ['organizationId', 'contactId'])
@Index('IDX_consent_confirmations_expiry', ['expiresAt'])
// A confirmation link is followed by its token before the tenant is known: a plain index serves that lookup.
@Index('UQ_consent_confirmations_organization_token', ['organizationId', 'tokenHash'], { unique: true })
@Index('IDX_consent_confirmations_token_hash', ['tokenHash'])
export class ConsentConfirmationEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('link to the contact; the row goes with the contact')
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @NotPersonal('SHA-256 of a random token; the token itself is only in the email')
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @NotPersonal('technical timestamp')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
