import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination.dto.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import type { Caller } from '../identity/identity.types.js';
import type { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { type WebhookEndpointChanges, WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WebhookSecrets } from './webhook-secrets.js';
import { WebhookSender } from './webhook-sender.js';
import {
  toWebhookDeliveryResponse,
  type WebhookDeliveryListQueryDto,
  type WebhookDeliveryListResponseDto,
  type WebhookDeliveryResponseDto,
  type WebhookEndpointCreateDto,
  type WebhookEndpointUpdateDto,
} from './webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';
import { WEBHOOK_ROTATION_GRACE_MS } from './webhooks.types.js';

const notFound = () => new AppError('not-found', 'No such webhook endpoint');

/** Administration of an organization's webhook endpoints and their delivery log. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly webhooks: WebhooksService,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(caller: Caller, updatedSince?: Date): Promise<WebhookEndpointEntity[]> {
    return this.endpoints.list(caller.organizationId, updatedSince);
  }

  async get(caller: Caller, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.endpoints.find(caller.organizationId, id);
    if (!endpoint) throw notFound();
    return endpoint;
  }

  async create(
    caller: Caller,
    input: WebhookEndpointCreateDto,
  ): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const url = input.url.trim();
    await this.sender.assertDeliverable(url);
    const id = randomUUID();
    const secret = this.secrets.generate();
    const secretSealed = this.secrets.seal(id, 'current', secret);
    const endpoint = await this.transactions.run(async (tx) => {
      const created = await this.endpoints.insert(
        {
          id,
          organizationId: caller.organizationId,
          url,
          description: input.description?.trim() ?? '',
          eventTypes: [...input.eventTypes].sort(),
          enabled: input.enabled ?? true,
          secretSealed,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'webhook.endpoint_created',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { eventTypes: created.eventTypes, enabled: created.enabled },
      });
      return created;
    });
    return { endpoint, secret };
  }

  async update(caller: Caller, id: string, input: WebhookEndpointUpdateDto): Promise<WebhookEndpointEntity> {
    const changes: WebhookEndpointChanges = {};
    if (input.url !== undefined) {
      changes.url = input.url.trim();
      await this.sender.assertDeliverable(changes.url);
    }
    if (input.description !== undefined) changes.description = input.description.trim();
    if (input.eventTypes !== undefined) changes.eventTypes = [...input.eventTypes].sort();
    if (input.enabled !== undefined) changes.enabled = input.enabled;
    await this.transactions.run(async (tx) => {
      await this.applyVersioned(caller, id, input.version, changes, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'webhook.endpoint_updated',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { fields: Object.keys(changes).sort() },
      });
    });
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.endpoints.delete(caller.organizationId, id, tx))) throw notFound();
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'webhook.endpoint_deleted',
        targetType: 'webhook_endpoint',
        targetId: id,
      });
    });
  }

  /**
   * A new secret, shown once. The previous one keeps signing beside it (a second signature in
   * the same header) for the grace period, so receivers can switch without missing deliveries.
   */
  async rotateSecret(caller: Caller, id: string): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const endpoint = await this.get(caller, id);
    const previous = this.secrets.open(id, 'current', endpoint.secretSealed);
    const secret = this.secrets.generate();
    const graceEndsAt = new Date(this.clock.nowMs() + WEBHOOK_ROTATION_GRACE_MS);
    await this.transactions.run(async (tx) => {
      await this.applyVersioned(
        caller,
        id,
        endpoint.version,
        {
          secretSealed: this.secrets.seal(id, 'current', secret),
          previousSecretSealed: this.secrets.seal(id, 'previous', previous),
          previousSecretExpiresAt: graceEndsAt,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'webhook.secret_rotated',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { previousSecretExpiresAt: graceEndsAt.toISOString() },
      });
    });
    return { endpoint: await this.get(caller, id), secret };
  }

  async sendTest(caller: Caller, id: string): Promise<{ eventId: string; deliveryId: string }> {
    return this.transactions.run(async (tx) => {
      const endpoint = await this.endpoints.find(caller.organizationId, id, tx);
      if (!endpoint) throw notFound();
      const { eventId, deliveryIds } = await this.webhooks.sendTest(tx, endpoint);
      return { eventId, deliveryId: deliveryIds[0] };
    });
  }

  async listDeliveries(
    caller: Caller,
    endpointId: string,
    query: WebhookDeliveryListQueryDto,
  ): Promise<WebhookDeliveryListResponseDto> {
    await this.get(caller, endpointId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const position = decodeCursor(query.cursor, 2);
    const rows = await this.deliveries.page(
      caller.organizationId,
      endpointId,
      {
        status: query.status,
        eventType: query.eventType,
        after: position ? { createdAt: String(position[0]), id: String(position[1]) } : undefined,
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const attempts = await this.deliveries.attemptsOf(
      caller.organizationId,
      page.map((row) => row.delivery.id),
    );
    const last = page.at(-1);
    return {
      items: page.map((row) =>
        toWebhookDeliveryResponse(
          row,
          attempts.filter((attempt) => attempt.deliveryId === row.delivery.id),
        ),
      ),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.delivery.createdAt.toISOString(), last.delivery.id]) : null,
    };
  }

  /** Delivers a settled (succeeded or failed) delivery once more, now. */
  async retry(caller: Caller, deliveryId: string): Promise<WebhookDeliveryResponseDto> {
    await this.transactions.run(async (tx) => {
      const row = await this.deliveries.find(caller.organizationId, deliveryId, tx);
      if (!row) throw new AppError('not-found', 'No such webhook delivery');
      if (!(await this.deliveries.reopen(caller.organizationId, deliveryId, tx))) {
        throw new AppError('conflict', 'The delivery is still pending: its next attempt is already scheduled');
      }
      await this.webhooks.enqueueAttempt(row.delivery, row.delivery.attemptCount + 1, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'webhook.delivery_retried',
        targetType: 'webhook_delivery',
        targetId: deliveryId,
        details: { endpoint: row.delivery.endpointId, attempt: row.delivery.attemptCount + 1 },
      });
    });
    const row = await this.deliveries.find(caller.organizationId, deliveryId);
    if (!row) throw new AppError('not-found', 'No such webhook delivery');
    return toWebhookDeliveryResponse(row, await this.deliveries.attemptsOf(caller.organizationId, [deliveryId]));
  }

  private async applyVersioned(
    caller: Caller,
    id: string,
    version: number,
    changes: WebhookEndpointChanges,
    tx: Transaction,
  ): Promise<void> {
    if (await this.endpoints.update(caller.organizationId, id, version, changes, tx)) return;
    if (await this.endpoints.find(caller.organizationId, id, tx)) {
      throw new AppError('conflict', 'The endpoint was changed meanwhile; reload it and try again');
    }
    throw notFound();
  }
}
