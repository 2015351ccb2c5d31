import { Module, type OnModuleInit } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import { KeyringModule } from '../keyring/keyring.module.js';
import { RetentionRules } from '../retention/retention-rules.service.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhookSecrets } from './webhook-secrets.js';
import { WebhookSender } from './webhook-sender.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Outbound webhooks: endpoints, the outbox (`WebhooksService.emit`, exported for other
 * contexts to call in their transactions), signed delivery with retries, the delivery log.
 */
@Module({
  imports: [KeyringModule],
  controllers: [WebhooksController],
  providers: [
    WebhookEndpointsRepository,
    WebhookDeliveriesRepository,
    WebhookSecrets,
    WebhookSender,
    WebhooksService,
    WebhookEndpointsService,
    WebhookDeliveryJob,
  ],
  exports: [WebhooksService],
})
export class WebhooksModule implements OnModuleInit {
  constructor(
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
  ) {}

  /** The outbox and delivery log hold ids and outcomes only; settled ones go after the log period. */
  onModuleInit(): void {
    this.rules.registerTable({
      key: 'webhook-log',
      title: 'Webhook messages and their delivery log',
      category: 'webhooks.delivery-log',
      table: 'webhook_messages',
      setting: 'webhooks.logRetentionDays',
      unit: 'days',
      from: 'after they were sent, once no delivery is pending',
      settingValue: () => this.settings.webhooks.logRetentionDays,
      startsAt: 't.created_at',
      cascades: ['webhook_deliveries', 'webhook_attempts'],
      where: `NOT EXISTS (SELECT 1 FROM webhook_deliveries delivery
                           WHERE delivery.organization_id = t.organization_id AND delivery.message_id = t.id AND delivery.status = 'pending')`,
    });
  }
}
