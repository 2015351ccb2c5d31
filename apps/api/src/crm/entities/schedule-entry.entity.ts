import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import {
  CRM_SCHEDULES,
  SCHEDULE_KINDS,
  SCHEDULE_STATUSES,
  type ScheduleKind,
  type ScheduleStatus,
} from '../crm.types.js';
import { ClientEntity } from './client.entity.js';
import { BranchScopedEntity } from './crm-record.entity.js';
import { JobEntity } from './job.entity.js';

/**
 * An appointment or a job visit in someone's calendar. Title and notes are sealed under
 * the client's key, or the assignee's (`user:<id>`) for internal appointments.
 */
@Entity('schedule_entries')
@ForeignKey(() => JobEntity, ['organizationId', 'jobId'], ['organizationId', 'id'], {
  name: 'FK_schedule_entries_job',
  onDelete: 'CASCADE',
})
@ForeignKey(() => ClientEntity, ['organizationId', 'clientId'], ['organizationId', 'id'], {
  name: 'FK_schedule_entries_client',
  onDelete: 'CASCADE',
})
@Check('CHK_schedule_entries_span', '"ends_at" > "starts_at"')
@Index('IDX_schedule_entries_assignee_time', ['organizationId', 'assigneeId', 'startsAt'])
@Index('IDX_schedule_entries_org_time', ['organizationId', 'startsAt'])
@Index('IDX_schedule_entries_job', ['jobId', 'organizationId'])
@Index('IDX_schedule_entries_client', ['clientId', 'organizationId'])
export class ScheduleEntryEntity extends BranchScopedEntity {
  @NotPersonal('appointment or job visit')
  @Column({ type: 'enum', enum: SCHEDULE_KINDS, enumName: 'schedule_kind' })
  kind: ScheduleKind;

  @NotPersonal('link to the job visited')
  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  @NotPersonal('link to the client')
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @NotPersonal('id of the staff member whose calendar it is in')
  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId: string;

  @PersonalField(CRM_SCHEDULES)
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @PersonalField(CRM_SCHEDULES)
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @NotPersonal('planned, done or cancelled')
  @Column({ type: 'enum', enum: SCHEDULE_STATUSES, enumName: 'schedule_status', default: 'planned' })
  status: ScheduleStatus;

  @PersonalField(CRM_SCHEDULES, { encrypted: true })
  @Column({ name: 'title_enc', type: 'bytea' })
  titleEnc: Buffer;

  @PersonalField(CRM_SCHEDULES, { encrypted: true })
  @Column({ name: 'notes_enc', type: 'bytea', nullable: true })
  notesEnc: Buffer | null;
}
