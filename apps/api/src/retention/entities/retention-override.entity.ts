import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * An organization's own period for a rule that allows one, within the rule's bounds (a longer
 * calendar history, a shorter session log). The purge, the rules page and the organization's
 * privacy notice all read it; without a row the platform's setting applies.
 */
@Entity('retention_overrides')
export class RetentionOverrideEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the rule')
  @PrimaryColumn({ type: 'varchar', length: 64 })
  rule: string;

  @NotPersonal('the period, in the rule’s unit')
  @Column({ type: 'integer' })
  value: number;

  @NotPersonal('user or api_key')
  @Column({ name: 'changed_by_kind', type: 'varchar', length: 16 })
  changedByKind: string;

  @NotPersonal('id of the staff member or API key who set it')
  @Column({ name: 'changed_by_id', type: 'uuid', nullable: true })
  changedById: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
