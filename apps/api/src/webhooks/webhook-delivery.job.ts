import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { TransactionService } from '../database/transaction.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WebhookSecrets } from './webhook-secrets.js';
import { WebhookSender } from './webhook-sender.js';
import { type DeliverPayload, WEBHOOK_DELIVER, WebhooksService } from './webhooks.service.js';
import { WEBHOOK_RETRY_SCHEDULE_MS } from './webhooks.types.js';

export const WEBHOOK_DISPATCH = 'webhooks.dispatch';
/** Due deliveries enqueued per dispatcher run; a backlog drains over the next minutes. */
const DISPATCH_BATCH = 500;

/**
 * Delivery through the job engine. Each attempt is one job (`webhooks.deliver`): it re-checks
 * that the attempt is still due (pending, the previous attempt recorded), signs with the
 * endpoint's secrets, posts, and records the attempt with the delivery's next state in one
 * transaction, so a duplicate job records nothing. The receiver's failures are not job
 * failures: the next attempt is due by the retry schedule, and the dispatcher, ticking every
 * minute, enqueues the attempts the Clock finds due.
 */
@Injectable()
export class WebhookDeliveryJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly webhooks: WebhooksService,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<DeliverPayload>({
      name: WEBHOOK_DELIVER,
      retryLimit: 3,
      retryDelaySeconds: 10,
      expireInSeconds: 120,
      handle: async (payload) => {
        await this.deliver(payload);
      },
    });
    await this.jobs.register({
      name: WEBHOOK_DISPATCH,
      retryLimit: 1,
      handle: async () => {
        await this.dispatch();
      },
    });
  }

  @Cron('0 * * * * *', { name: WEBHOOK_DISPATCH })
  tick(): Promise<string | null> {
    return this.jobs.tick(WEBHOOK_DISPATCH, this.clock.now());
  }

  /** Enqueues every attempt the clock finds due; returns how many deliveries were due. */
  async dispatch(): Promise<number> {
    const due = await this.deliveries.due(DISPATCH_BATCH);
    for (const delivery of due) await this.webhooks.enqueueAttempt(delivery, delivery.attemptCount + 1);
    return due.length;
  }

  /** Makes attempt `attempt` of a delivery; returns false when it was no longer due. */
  async deliver({ deliveryId, organizationId, attempt }: DeliverPayload): Promise<boolean> {
    const row = await this.deliveries.find(organizationId, deliveryId);
    if (row?.delivery.status !== 'pending' || row.delivery.attemptCount !== attempt - 1) return false;
    const { delivery, message } = row;
    const endpoint = await this.endpoints.find(organizationId, delivery.endpointId);
    if (!endpoint) return false;

    const now = this.clock.now();
    let result: { httpStatus: number | null; durationMs: number; error: string | null };
    // A disabled endpoint receives nothing, test-sends included; a manual retry after enabling it delivers.
    if (!endpoint.enabled) {
      result = { httpStatus: null, durationMs: 0, error: 'endpoint disabled' };
    } else {
      const secrets = [this.secrets.open(endpoint.id, 'current', endpoint.secretSealed)];
      if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
        secrets.push(this.secrets.open(endpoint.id, 'previous', endpoint.previousSecretSealed));
      }
      const body = JSON.stringify({
        type: message.type,
        timestamp: message.createdAt.toISOString(),
        data: message.data,
      });
      result = await this.sender.send(
        endpoint.url,
        {
          'content-type': 'application/json',
          'user-agent': 'Steward-Webhooks/1',
          'webhook-id': message.eventId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': this.secrets.sign(secrets, message.eventId, now, body),
        },
        body,
      );
    }

    const succeeded = result.error === null;
    const retryIn = WEBHOOK_RETRY_SCHEDULE_MS[attempt];
    const next = succeeded
      ? { status: 'succeeded' as const, nextAttemptAt: null }
      : retryIn === undefined || !endpoint.enabled
        ? { status: 'failed' as const, nextAttemptAt: null }
        : { status: 'pending' as const, nextAttemptAt: new Date(now.getTime() + retryIn) };
    return this.transactions.run((tx) =>
      this.deliveries.recordAttempt(
        delivery,
        { attemptNumber: attempt, attemptedAt: now, succeeded, ...result },
        next,
        tx,
      ),
    );
  }
}
