import { Column, Entity, ForeignKey, Generated, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import type { EventActorKind, RequestEventType, RequestStatus } from '../privacy-requests.types.js';
import { PrivacyRequestEntity } from './privacy-request.entity.js';

/**
 * One step of a request's history. Append-only: a trigger refuses UPDATE always and DELETE
 * unless it comes with its request (retention, expiry, erasure). Details hold ids, statuses
 * and dates only; free text (reasons, identity checks) is sealed on the request row.
 */
@Entity('privacy_request_events')
@ForeignKey(() => PrivacyRequestEntity, ['organizationId', 'requestId'], ['organizationId', 'id'], {
  name: 'FK_privacy_request_events_request',
  onDelete: 'CASCADE',
})
@Index('IDX_privacy_request_events_request', ['organizationId', 'requestId', 'seq'])
export class PrivacyRequestEventEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('order of the history')
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the request')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @NotPersonal('what happened')
  @Column({ type: 'varchar', length: 32 })
  type: RequestEventType;

  @NotPersonal('user, api_key, requester or system')
  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: EventActorKind;

  @NotPersonal('id of the staff member or API key; null for the requester and the system')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @NotPersonal('status before')
  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus: RequestStatus | null;

  @NotPersonal('status after')
  @Column({ name: 'to_status', type: 'varchar', length: 24, nullable: true })
  toStatus: RequestStatus | null;

  @NotPersonal('ids, dates and codes only (assignee id, new due date, matched subject ids, erasure ids)')
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @NotPersonal('technical timestamp, from the clock')
  @Column({ type: 'timestamptz' })
  at: Date;
}
