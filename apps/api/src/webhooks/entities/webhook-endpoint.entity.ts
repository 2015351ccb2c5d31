import { Column, Entity, Index } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';

/**
 * Where an organization's integration wants to hear of privacy events. The signing secret
 * must be read back to sign, so it is sealed (AES-256-GCM under a key derived from the
 * master key, bound to this endpoint), never hashed. During a rotation's grace period the
 * previous secret signs too, so receivers switch over without missing a delivery.
 */
@Entity('webhook_endpoints')
@Index('IDX_webhook_endpoints_organization', ['organizationId', 'createdAt'])
export class WebhookEndpointEntity extends TenantOwnedEntity {
  @NotPersonal('an integration address chosen by the organization')
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @NotPersonal('a label the organization gives the integration')
  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;

  @NotPersonal('event type names')
  @Column({ name: 'event_types', type: 'varchar', length: 64, array: true })
  eventTypes: string[];

  @NotPersonal('whether deliveries are made')
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @NotPersonal('a signing secret, sealed')
  @Column({ name: 'secret_sealed', type: 'bytea' })
  secretSealed: Buffer;

  @NotPersonal('the rotated-out signing secret, sealed, during its grace period')
  @Column({ name: 'previous_secret_sealed', type: 'bytea', nullable: true })
  previousSecretSealed: Buffer | null;

  @NotPersonal('technical timestamp: the previous secret stops signing')
  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;
}
