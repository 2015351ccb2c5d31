import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { ACTIVITY_ACTIONS, ACTOR_KINDS, type ActivityAction, type ActorKind, CRM_ACTIVITY } from '../crm.types.js';

/**
 * One create, update or delete of a CRM record: who, when, which fields (names only,
 * never values). Shown on each record's page. Written in the transaction of the change.
 */
@Entity('crm_activity')
@Index('IDX_crm_activity_record', ['organizationId', 'recordType', 'recordId', 'at'])
export class ActivityEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('kind of record, e.g. contact')
  @Column({ name: 'record_type', type: 'varchar', length: 30 })
  recordType: string;

  @NotPersonal('id of the record')
  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @NotPersonal('created, updated or deleted')
  @Column({ type: 'enum', enum: ACTIVITY_ACTIONS, enumName: 'activity_action' })
  action: ActivityAction;

  @NotPersonal('names of the fields changed, never their values')
  @Column({ type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  fields: string[];

  @NotPersonal('user, API key or system job')
  @Column({ name: 'actor_kind', type: 'enum', enum: ACTOR_KINDS, enumName: 'actor_kind' })
  actorKind: ActorKind;

  /** Who did it: a staff member's activity is their personal data (policy: "activity logs"). */
  @PersonalField(CRM_ACTIVITY)
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @NotPersonal('technical timestamp')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}

/** Per-organization counters for job and invoice numbers. */
@Entity('crm_counters')
export class CounterEntity {
  @NotPersonal('tenant key')
  @Column({ name: 'organization_id', type: 'uuid', primary: true })
  organizationId: string;

  @NotPersonal('counter name: job or invoice')
  @Column({ type: 'varchar', length: 30, primary: true })
  name: string;

  @NotPersonal('last number handed out')
  @Column({ type: 'integer', default: 0 })
  value: number;
}
