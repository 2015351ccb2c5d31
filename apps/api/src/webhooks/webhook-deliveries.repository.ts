import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { Clock } from '../common/clock.js';
import { insertEntity } from '../database/insert-entity.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity.js';
import { type DeliveryStatus, WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookMessageEntity } from './entities/webhook-message.entity.js';

export interface DeliveryFilter {
  status?: DeliveryStatus;
  eventType?: string;
  /** The last item of the previous page. */
  after?: { createdAt: string; id: string };
}

export interface DeliveryRow {
  delivery: WebhookDeliveryEntity;
  message: WebhookMessageEntity;
}

export type AttemptRecord = Pick<
  WebhookAttemptEntity,
  'attemptNumber' | 'attemptedAt' | 'succeeded' | 'httpStatus' | 'durationMs' | 'error'
>;

/** The outbox (messages), its deliveries per endpoint and their attempts. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  private manager(tx?: Transaction) {
    return this.transactions.managerOf(tx);
  }

  insertMessage(
    values: Pick<WebhookMessageEntity, 'organizationId' | 'eventId' | 'type' | 'data' | 'createdAt'>,
    tx: Transaction,
  ): Promise<WebhookMessageEntity> {
    return insertEntity(this.manager(tx).getRepository(WebhookMessageEntity), values);
  }

  insertDelivery(
    values: Pick<WebhookDeliveryEntity, 'organizationId' | 'endpointId' | 'messageId' | 'createdAt'>,
    tx: Transaction,
  ): Promise<WebhookDeliveryEntity> {
    return insertEntity(this.manager(tx).getRepository(WebhookDeliveryEntity), {
      ...values,
      status: 'pending',
      attemptCount: 0,
      nextAttemptAt: values.createdAt,
    });
  }

  async find(organizationId: string, id: string, tx?: Transaction): Promise<DeliveryRow | null> {
    const [row] = await this.withMessages(tx)
      .where('delivery.organization_id = :organizationId AND delivery.id = :id', { organizationId, id })
      .getMany();
    return row ? { delivery: row, message: row.message } : null;
  }

  /** Deliveries joined to their messages on the composite key (organization_id, message_id). */
  private withMessages(tx?: Transaction) {
    return this.manager(tx)
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .innerJoinAndMapOne(
        'delivery.message',
        WebhookMessageEntity,
        'message',
        'message.organization_id = delivery.organization_id AND message.id = delivery.message_id',
      ) as SelectQueryBuilder<WebhookDeliveryEntity & { message: WebhookMessageEntity }>;
  }

  /** A page of an endpoint's deliveries, newest first, with their messages. */
  async page(
    organizationId: string,
    endpointId: string,
    filter: DeliveryFilter,
    limit: number,
  ): Promise<DeliveryRow[]> {
    const query = this.withMessages()
      .where('delivery.organization_id = :organizationId AND delivery.endpoint_id = :endpointId', {
        organizationId,
        endpointId,
      })
      .orderBy('delivery.created_at', 'DESC')
      .addOrderBy('delivery.id', 'DESC')
      .limit(limit);
    if (filter.status) query.andWhere('delivery.status = :status', { status: filter.status });
    if (filter.eventType) query.andWhere('message.type = :type', { type: filter.eventType });
    if (filter.after) {
      query.andWhere('(delivery.created_at, delivery.id) < (:afterAt, :afterId)', {
        afterAt: filter.after.createdAt,
        afterId: filter.after.id,
      });
    }
    const deliveries = await query.getMany();
    return deliveries.map((delivery) => ({ delivery, message: delivery.message }));
  }

  /** Attempts of the given deliveries, oldest first. */
  attemptsOf(organizationId: string, deliveryIds: string[]): Promise<WebhookAttemptEntity[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.manager()
      .getRepository(WebhookAttemptEntity)
      .createQueryBuilder('attempt')
      .where('attempt.organization_id = :organizationId AND attempt.delivery_id = ANY(:ids)', {
        organizationId,
        ids: deliveryIds,
      })
      .orderBy('attempt.delivery_id')
      .addOrderBy('attempt.attempt_number')
      .getMany();
  }

  /** Pending deliveries whose next attempt is due by the clock, oldest first. */
  async due(limit: number): Promise<Pick<WebhookDeliveryEntity, 'id' | 'organizationId' | 'attemptCount'>[]> {
    return this.manager()
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .select(['delivery.id', 'delivery.organizationId', 'delivery.attemptCount'])
      .where("delivery.status = 'pending' AND delivery.next_attempt_at <= :now", { now: this.clock.now() })
      .orderBy('delivery.next_attempt_at')
      .limit(limit)
      .getMany();
  }

  /**
   * Records attempt `attempt.attemptNumber` and the delivery's new state, once: false when
   * that attempt was already recorded (a duplicate job), so nothing is counted twice.
   */
  async recordAttempt(
    delivery: Pick<WebhookDeliveryEntity, 'id' | 'organizationId'>,
    attempt: AttemptRecord,
    next: { status: DeliveryStatus; nextAttemptAt: Date | null },
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.manager(tx)
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder()
      .update()
      .set({
        status: next.status,
        nextAttemptAt: next.nextAttemptAt,
        attemptCount: attempt.attemptNumber,
        lastAttemptAt: attempt.attemptedAt,
        lastHttpStatus: attempt.httpStatus,
      })
      .where("id = :id AND organization_id = :organizationId AND attempt_count = :previous AND status = 'pending'", {
        id: delivery.id,
        organizationId: delivery.organizationId,
        previous: attempt.attemptNumber - 1,
      })
      .execute();
    if ((result.affected ?? 0) === 0) return false;
    await this.manager(tx)
      .getRepository(WebhookAttemptEntity)
      .insert({ ...attempt, deliveryId: delivery.id, organizationId: delivery.organizationId });
    return true;
  }

  /** Makes a settled delivery pending again, due now; false when it is already pending. */
  async reopen(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    const result = await this.manager(tx)
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'pending', nextAttemptAt: this.clock.now() })
      .where("id = :id AND organization_id = :organizationId AND status <> 'pending'", { id, organizationId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
