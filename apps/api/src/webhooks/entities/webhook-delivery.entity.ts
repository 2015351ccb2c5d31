import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { WebhookMessageEntity } from './webhook-message.entity.js';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message to one endpoint: pending until an attempt succeeds or the schedule runs out. */
@Entity('webhook_deliveries')
@ForeignKey(() => WebhookEndpointEntity, ['organizationId', 'endpointId'], ['organizationId', 'id'], {
  name: 'FK_webhook_deliveries_endpoint',
  onDelete: 'CASCADE',
})
@ForeignKey(() => WebhookMessageEntity, ['organizationId', 'messageId'], ['organizationId', 'id'], {
  name: 'FK_webhook_deliveries_message',
  onDelete: 'CASCADE',
})
@Index('IDX_webhook_deliveries_endpoint', ['organizationId', 'endpointId', 'createdAt', 'id'])
@Index('IDX_webhook_deliveries_message', ['messageId', 'organizationId'])
@Index('IDX_webhook_deliveries_due', ['nextAttemptAt'])
export class WebhookDeliveryEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the endpoint')
  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @NotPersonal('the message')
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @NotPersonal('delivery state')
  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @NotPersonal('count of attempts made')
  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount: number;

  @NotPersonal('technical timestamp: when the next attempt is due; null once settled')
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @NotPersonal('HTTP status the receiver answered last')
  @Column({ name: 'last_http_status', type: 'integer', nullable: true })
  lastHttpStatus: number | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
