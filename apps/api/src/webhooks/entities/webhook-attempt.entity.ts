import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';

/** One HTTP attempt of a delivery, as the delivery log shows it. */
@Entity('webhook_attempts')
@ForeignKey(() => WebhookDeliveryEntity, ['organizationId', 'deliveryId'], ['organizationId', 'id'], {
  name: 'FK_webhook_attempts_delivery',
  onDelete: 'CASCADE',
})
@Index('UQ_webhook_attempts_number', ['organizationId', 'deliveryId', 'attemptNumber'], { unique: true })
export class WebhookAttemptEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the delivery')
  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @NotPersonal('1 for the first attempt')
  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber: number;

  @NotPersonal('technical timestamp')
  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @NotPersonal('whether the receiver answered 2xx')
  @Column({ type: 'boolean' })
  succeeded: boolean;

  @NotPersonal('HTTP status the receiver answered; null when no answer came')
  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  @NotPersonal('milliseconds the attempt took')
  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @NotPersonal('why the attempt failed: one line, no secrets, no response body')
  @Column({ type: 'varchar', length: 200, nullable: true })
  error: string | null;
}
