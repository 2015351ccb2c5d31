import { Injectable } from '@nestjs/common';
import { MoreThanOrEqual } from 'typeorm';
import { insertEntity } from '../database/insert-entity.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';

export type NewWebhookEndpoint = Pick<
  WebhookEndpointEntity,
  'id' | 'organizationId' | 'url' | 'description' | 'eventTypes' | 'enabled' | 'secretSealed'
>;
export type WebhookEndpointChanges = Partial<
  Pick<
    WebhookEndpointEntity,
    | 'url'
    | 'description'
    | 'eventTypes'
    | 'enabled'
    | 'secretSealed'
    | 'previousSecretSealed'
    | 'previousSecretExpiresAt'
  >
>;

/** Webhook endpoints, always within one organization. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private endpoints(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(WebhookEndpointEntity);
  }

  insert(values: NewWebhookEndpoint, tx: Transaction): Promise<WebhookEndpointEntity> {
    return insertEntity(this.endpoints(tx), values);
  }

  /** Newest first; with `updatedSince`, those changed at or after it, oldest change first. */
  list(organizationId: string, updatedSince?: Date): Promise<WebhookEndpointEntity[]> {
    return updatedSince
      ? this.endpoints().find({
          where: { organizationId, updatedAt: MoreThanOrEqual(updatedSince) },
          order: { updatedAt: 'ASC', id: 'ASC' },
        })
      : this.endpoints().find({ where: { organizationId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<WebhookEndpointEntity | null> {
    return this.endpoints(tx).findOneBy({ organizationId, id });
  }

  /** Enabled endpoints of the organization that subscribe to `type`, in the caller's transaction. */
  subscribedTo(organizationId: string, type: string, tx: Transaction): Promise<WebhookEndpointEntity[]> {
    return this.endpoints(tx)
      .createQueryBuilder('endpoint')
      .where('endpoint.organization_id = :organizationId', { organizationId })
      .andWhere('endpoint.enabled')
      .andWhere(':type = ANY(endpoint.event_types)', { type })
      .getMany();
  }

  /** Applies `changes` when `version` is still current; false when it is stale or gone. */
  async update(
    organizationId: string,
    id: string,
    version: number,
    changes: WebhookEndpointChanges,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.endpoints(tx)
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('organization_id = :organizationId AND id = :id AND version = :version', { organizationId, id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    const result = await this.endpoints(tx).delete({ organizationId, id });
    return (result.affected ?? 0) > 0;
  }
}
