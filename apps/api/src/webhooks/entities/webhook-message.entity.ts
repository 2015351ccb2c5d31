import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/**
 * The outbox: one event, written in the transaction of the change it reports. Its payload
 * names records by id and kind only, never a name, an address or any other value.
 */
@Entity('webhook_messages')
@Index('UQ_webhook_messages_event', ['organizationId', 'eventId'], { unique: true })
@Index('IDX_webhook_messages_created', ['createdAt'])
export class WebhookMessageEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the webhook-id header: msg_ and random characters, the receivers\u2019 idempotency key')
  @Column({ name: 'event_id', type: 'varchar', length: 40 })
  eventId: string;

  @NotPersonal('event type name')
  @Column({ type: 'varchar', length: 64 })
  type: string;

  @NotPersonal('record ids and kinds only; an erased subject\u2019s id identifies nobody once its records are gone')
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @NotPersonal('technical timestamp')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
