import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { Transaction } from '../database/transaction.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WEBHOOK_TEST_EVENT, type WebhookEventData, type WebhookEventType } from './webhooks.types.js';

export const WEBHOOK_DELIVER = 'webhooks.deliver';

/** What a delivery job carries: ids and the attempt number, nothing else. */
export type DeliverPayload = { deliveryId: string; organizationId: string; attempt: number };

/**
 * One job id per delivery and attempt (a name-based UUID): pg-boss inserts a job id once, so
 * the dispatcher and a manual retry enqueuing the same attempt enqueue it once.
 */
export function attemptJobId(deliveryId: string, attempt: number): string {
  const bytes = createHash('sha256').update(`${WEBHOOK_DELIVER}:${deliveryId}:${attempt}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids, kinds and field names look like this; a name with a space or an address with @ does not. */
const ID_LIKE = /^[A-Za-z0-9_.:-]{1,100}$/;

function assertIdsOnly(data: object): void {
  for (const [key, value] of Object.entries(data)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item === 'boolean' || typeof item === 'number') continue;
      if (typeof item === 'string' && ID_LIKE.test(item)) continue;
      throw new Error(`Webhook data field '${key}' must hold ids, kinds or field names only`);
    }
  }
}

export interface PublishedMessage {
  eventId: string;
  deliveryIds: string[];
}

/**
 * The outbox other contexts write to. `emit` runs in the caller's transaction: the message,
 * a delivery per subscribed endpoint and the first attempt's job exist if and only if the
 * change that caused them commits. Payloads carry ids and kinds, never personal data.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /** Returns the message's `webhook-id` (msg_…), or null when no endpoint subscribes to `type`. */
  async emit<Type extends WebhookEventType>(
    tx: Transaction,
    organizationId: string,
    type: Type,
    data: WebhookEventData[Type],
  ): Promise<string | null> {
    // Checked whether or not anyone listens, so a producer that leaks values fails in its own tests.
    assertIdsOnly(data);
    const endpoints = await this.endpoints.subscribedTo(organizationId, type, tx);
    if (endpoints.length === 0) return null;
    return (await this.publish(tx, organizationId, type, data, endpoints)).eventId;
  }

  /** The test-send button: a `webhook.test` message to one endpoint. */
  sendTest(tx: Transaction, endpoint: WebhookEndpointEntity): Promise<PublishedMessage> {
    return this.publish(tx, endpoint.organizationId, WEBHOOK_TEST_EVENT, { endpointId: endpoint.id }, [endpoint]);
  }

  /** Enqueues attempt `attempt` of a delivery now (in `tx` when given), once per attempt. */
  enqueueAttempt(
    delivery: { id: string; organizationId: string },
    attempt: number,
    tx?: Transaction,
  ): Promise<string | null> {
    const payload: DeliverPayload = { deliveryId: delivery.id, organizationId: delivery.organizationId, attempt };
    const options = { id: attemptJobId(delivery.id, attempt) };
    return tx
      ? this.jobs.enqueue(tx, WEBHOOK_DELIVER, payload, options)
      : this.jobs.enqueueNow(WEBHOOK_DELIVER, payload, options);
  }

  private async publish(
    tx: Transaction,
    organizationId: string,
    type: string,
    data: object,
    endpoints: WebhookEndpointEntity[],
  ): Promise<PublishedMessage> {
    assertIdsOnly(data);
    const now = this.clock.now();
    const message = await this.deliveries.insertMessage(
      {
        organizationId,
        eventId: `msg_${randomBytes(16).toString('base64url')}`,
        type,
        data: data as Record<string, unknown>,
        createdAt: now,
      },
      tx,
    );
    const deliveryIds: string[] = [];
    for (const endpoint of endpoints) {
      const delivery = await this.deliveries.insertDelivery(
        { organizationId, endpointId: endpoint.id, messageId: message.id, createdAt: now },
        tx,
      );
      await this.enqueueAttempt(delivery, 1, tx);
      deliveryIds.push(delivery.id);
    }
    return { eventId: message.eventId, deliveryIds };
  }
}
