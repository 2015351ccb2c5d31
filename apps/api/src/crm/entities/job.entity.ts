import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { CRM_JOBS, JOB_PRIORITIES, JOB_STATUSES, type JobPriority, type JobStatus } from '../crm.types.js';
import { ClientEntity } from './client.entity.js';
import { BranchScopedEntity } from './crm-record.entity.js';

/** A field-service work order. Title, site address and description are sealed under the client's key. */
@Entity('jobs')
@ForeignKey(() => ClientEntity, ['organizationId', 'clientId'], ['organizationId', 'id'], {
  name: 'FK_jobs_client',
  onDelete: 'CASCADE',
})
@Index('UQ_jobs_org_number', ['organizationId', 'number'], { unique: true })
@Index('IDX_jobs_org_status', ['organizationId', 'status', 'createdAt'])
// client_id first: also serves the foreign key when a client is deleted (ON DELETE CASCADE).
@Index('IDX_jobs_client_org', ['clientId', 'organizationId'])
@Index('IDX_jobs_assignees', { synchronize: false })
export class JobEntity extends BranchScopedEntity {
  @NotPersonal('sequential job number within the organization')
  @Column({ type: 'integer' })
  number: number;

  @NotPersonal('link to the client')
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @PersonalField(CRM_JOBS, { encrypted: true })
  @Column({ name: 'title_enc', type: 'bytea' })
  titleEnc: Buffer;

  @PersonalField(CRM_JOBS, { encrypted: true })
  @Column({ name: 'site_address_enc', type: 'bytea', nullable: true })
  siteAddressEnc: Buffer | null;

  @PersonalField(CRM_JOBS, { encrypted: true })
  @Column({ name: 'description_enc', type: 'bytea', nullable: true })
  descriptionEnc: Buffer | null;

  @NotPersonal('workflow state')
  @Column({ type: 'enum', enum: JOB_STATUSES, enumName: 'job_status', default: 'new' })
  status: JobStatus;

  @NotPersonal('urgency')
  @Column({ type: 'enum', enum: JOB_PRIORITIES, enumName: 'job_priority', default: 'normal' })
  priority: JobPriority;

  @NotPersonal('ids of the staff assigned')
  @Column({ name: 'assigned_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  assignedUserIds: string[];

  @NotPersonal('when the work is due')
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @NotPersonal('workflow timestamp')
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
