import { Injectable } from '@nestjs/common';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { OrganizationPurgeEntity } from './entities/organization-purge.entity.js';
import { type ReminderKind, SubscriptionReminderEntity } from './entities/subscription-reminder.entity.js';
import { type OrganizationSubscription, RUNNING_STATES } from './subscription.types.js';

export type SubscriptionFields = Pick<
  OrganizationSubscription,
  'subscriptionState' | 'subscriptionEndsAt' | 'subscriptionEndedAt' | 'terminatedFromState'
>;

const SELECT = `SELECT id, name, slug, subscription_state AS "subscriptionState",
  subscription_ends_at AS "subscriptionEndsAt", subscription_ended_at AS "subscriptionEndedAt",
  terminated_from_state AS "terminatedFromState" FROM organizations`;

/**
 * The subscription columns of organizations (stored there, owned here: identity only declares
 * them), the reminders sent, and whether a purge has begun.
 */
@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private async select(where: string, params: unknown[], tx?: Transaction): Promise<OrganizationSubscription[]> {
    return this.transactions.managerOf(tx).query(`${SELECT} ${where}`, params);
  }

  async find(organizationId: string): Promise<OrganizationSubscription | null> {
    return (await this.select('WHERE id = $1', [organizationId]))[0] ?? null;
  }

  /** The organization, locked until `tx` ends: subscription changes and the start of a purge queue up behind each other. */
  async findForUpdate(organizationId: string, tx: Transaction): Promise<OrganizationSubscription | null> {
    return (await this.select('WHERE id = $1 FOR UPDATE', [organizationId], tx))[0] ?? null;
  }

  async update(organizationId: string, fields: SubscriptionFields, tx: Transaction): Promise<OrganizationSubscription> {
    await tx.manager.query(
      `UPDATE organizations SET subscription_state = $2, subscription_ends_at = $3, subscription_ended_at = $4,
              terminated_from_state = $5, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        organizationId,
        fields.subscriptionState,
        fields.subscriptionEndsAt,
        fields.subscriptionEndedAt,
        fields.terminatedFromState,
      ],
    );
    return (await this.select('WHERE id = $1', [organizationId], tx))[0];
  }

  /** Organizations whose subscription runs and has an end date (renewal reminders). */
  listRunningWithEnd(): Promise<OrganizationSubscription[]> {
    return this.select('WHERE subscription_state::text = ANY($1) AND subscription_ends_at IS NOT NULL ORDER BY id', [
      [...RUNNING_STATES],
    ]);
  }

  /** Organizations ended or terminated (purge countdown, and the purge once due). */
  listEnded(): Promise<OrganizationSubscription[]> {
    return this.select(
      `WHERE subscription_state IN ('ended', 'terminated') AND subscription_ended_at IS NOT NULL
       ORDER BY subscription_ended_at, id`,
      [],
    );
  }

  /** Records a reminder; false when it was recorded before (then it is not sent again). */
  async recordReminder(
    values: { organizationId: string; kind: ReminderKind; forDate: Date; daysBefore: number; sentAt: Date },
    tx: Transaction,
  ): Promise<boolean> {
    const inserted = await this.transactions
      .managerOf(tx)
      .createQueryBuilder()
      .insert()
      .into(SubscriptionReminderEntity)
      .values(values)
      .orIgnore()
      .returning(['organizationId'])
      .execute();
    return inserted.raw.length === 1;
  }

  /** The purge of this organization, once begun (a restore is refused from then on). */
  findPurge(organizationId: string, tx?: Transaction): Promise<OrganizationPurgeEntity | null> {
    return this.transactions
      .managerOf(tx)
      .getRepository(OrganizationPurgeEntity)
      .findOneBy({ purgedOrganizationId: organizationId });
  }
}
