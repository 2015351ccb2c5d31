import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { NotPersonal } from '#personal-data';
import type { PolicyFacts } from '../policy-facts.types.js';
import type { PolicySection } from '../policy-sections.js';

/** The platform's privacy policy (toward users) or an organization's privacy notice (toward its contacts). */
export const POLICY_DOCUMENTS = ['platform', 'notice'] as const;
export type PolicyDocument = (typeof POLICY_DOCUMENTS)[number];

export const POLICY_STATUSES = ['draft', 'published', 'retired'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * One version of a policy document: its editable prose and, once published, the facts it
 * stated, frozen. At most one draft and one published version per document (partial
 * unique indexes); publishing retires the one before.
 */
@Entity('policy_versions')
// Unique per document, the platform's (no organization) included: COALESCE indexes, in the migration.
@Index('UQ_policy_versions_number', { synchronize: false })
@Index('UQ_policy_versions_published', { synchronize: false })
@Index('UQ_policy_versions_draft', { synchronize: false })
@Check('CHK_policy_versions_status', `"status" IN ('draft', 'published', 'retired')`)
@Check('CHK_policy_versions_document', `("document" = 'platform') = ("organization_id" IS NULL)`)
export class PolicyVersionEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key; null for the platform policy')
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @NotPersonal('which document')
  @Column({ type: 'varchar', length: 16 })
  document: PolicyDocument;

  @NotPersonal('version number shown to readers')
  @Column({ type: 'integer' })
  number: number;

  @NotPersonal('draft, published or retired')
  @Column({ type: 'varchar', length: 16 })
  status: PolicyStatus;

  @NotPersonal('policy text: titles and prose written by the organization')
  @Column({ type: 'jsonb' })
  sections: PolicySection[];

  @NotPersonal('facts rendered from settings and registries (no personal data)')
  @Column({ type: 'jsonb' })
  facts: PolicyFacts;

  @NotPersonal('SHA-256 of the facts, to tell a change of facts')
  @Column({ name: 'facts_hash', type: 'varchar', length: 64 })
  factsHash: string;

  @NotPersonal('SHA-256 of the prose and facts, to tell any change')
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @NotPersonal('revision of the cookie section: rises when it changes, so cookie consent is asked again')
  @Column({ name: 'cookie_revision', type: 'integer' })
  cookieRevision: number;

  @NotPersonal('summary of the change, written by the publisher')
  @Column({ name: 'change_note', type: 'varchar', length: 500, nullable: true })
  changeNote: string | null;

  @NotPersonal('publication date')
  @Column({ name: 'effective_date', type: 'date', nullable: true })
  effectiveDate: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @NotPersonal('account reference of the publisher; shown to admins, goes with the audit trail')
  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @NotPersonal('technical timestamp: "last updated"')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @NotPersonal('optimistic concurrency counter: a stale draft edit is refused with 409')
  @VersionColumn()
  version: number;
}
