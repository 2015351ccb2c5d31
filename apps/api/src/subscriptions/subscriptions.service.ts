import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import type { ApiKeyPrincipal, AuthenticatedUser, Caller } from '../identity/identity.types.js';
import { isRunning, type OrganizationSubscription, type SubscriptionState } from './subscription.types.js';
import { SubscriptionMails } from './subscription-mails.js';
import { daysUntil, purgeDateOf } from './subscription-schedule.js';
import type {
  OperatorSubscriptionResponseDto,
  OperatorSubscriptionUpdateDto,
  SubscriptionResponseDto,
} from './subscriptions.dto.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', message, { errors: [{ field, message }] });

/**
 * An organization's subscription: the owner's view, termination and restore, and the state
 * the operator's billing integration sets. Every change is one transaction with its audit
 * entry in the organization's trail (and its email queued).
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly mails: SubscriptionMails,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {}

  private get retentionDays(): number {
    return this.settings.retention.accountDaysAfterSubscription;
  }

  async view(caller: Caller): Promise<SubscriptionResponseDto> {
    const organization = await this.subscriptions.find(caller.organizationId);
    if (!organization) throw new AppError('not-found', 'Your organization no longer exists');
    const purgeBegun = (await this.subscriptions.findPurge(organization.id)) !== null;
    return this.toView(organization, purgeBegun);
  }

  /** The owner ends the contract: the data is kept `retentionDays` more days, then purged. */
  async terminate(caller: AuthenticatedUser, confirmName: string): Promise<SubscriptionResponseDto> {
    const view = await this.transactions.run(async (tx) => {
      const organization = await this.lock(caller.organizationId, tx);
      if (confirmName.trim().toLowerCase() !== organization.name.trim().toLowerCase()) {
        throw invalid('confirmName', "confirmName must be the organization's name exactly as it is written");
      }
      if (!isRunning(organization.subscriptionState)) {
        throw new AppError(
          'conflict',
          `The subscription is already ${organization.subscriptionState}; its data is deleted on the purge date shown`,
        );
      }
      const now = this.clock.now();
      const updated = await this.subscriptions.update(
        organization.id,
        {
          subscriptionState: 'terminated',
          subscriptionEndsAt: organization.subscriptionEndsAt,
          subscriptionEndedAt: now,
          terminatedFromState: organization.subscriptionState,
        },
        tx,
      );
      const purgeAt = purgeDateOf(updated, this.retentionDays) as Date;
      this.recordChange(tx, organization, updated, 'subscription.terminated', { purgeAt: purgeAt.toISOString() });
      await this.mails.queue(tx, {
        organizationId: organization.id,
        mail: 'terminated',
        date: purgeAt.toISOString(),
        daysBefore: null,
      });
      return this.toView(updated, false);
    });
    return view;
  }

  /**
   * The owner takes a termination back before the purge: the subscription returns to the
   * state it had. An ended subscription is renewed through billing (the operator), not here.
   */
  async restore(caller: AuthenticatedUser): Promise<SubscriptionResponseDto> {
    return this.transactions.run(async (tx) => {
      const organization = await this.lock(caller.organizationId, tx);
      if (organization.subscriptionState !== 'terminated') {
        throw new AppError(
          'conflict',
          organization.subscriptionState === 'ended'
            ? 'The subscription ended in billing; renew it with your provider to restore the organization'
            : 'The subscription was not terminated; there is nothing to restore',
        );
      }
      if (await this.subscriptions.findPurge(organization.id, tx)) {
        throw new AppError('conflict', 'The purge of this organization has begun; it can no longer be restored');
      }
      const updated = await this.subscriptions.update(
        organization.id,
        {
          subscriptionState: organization.terminatedFromState ?? 'active',
          subscriptionEndsAt: organization.subscriptionEndsAt,
          subscriptionEndedAt: null,
          terminatedFromState: null,
        },
        tx,
      );
      this.recordChange(tx, organization, updated, 'subscription.restored', {});
      await this.mails.queue(tx, { organizationId: organization.id, mail: 'restored', date: null, daysBefore: null });
      return this.toView(updated, false);
    });
  }

  /**
   * The operator's billing integration sets an organization's state. Only API keys of the
   * operator organization reach here (the route needs the subscriptions:manage scope, which
   * only they can be given); checked again, in case OPERATOR_ORGANIZATION changed since.
   */
  async setByOperator(
    caller: ApiKeyPrincipal,
    organizationId: string,
    body: OperatorSubscriptionUpdateDto,
  ): Promise<OperatorSubscriptionResponseDto> {
    await this.assertOperator(caller);
    const now = this.clock.now();
    const endsAt = body.endsAt ? new Date(body.endsAt) : null;
    if ((body.state === 'trial' || body.state === 'active') && (!endsAt || endsAt <= now)) {
      throw invalid('endsAt', `endsAt is required for ${body.state} and must be in the future`);
    }
    if (body.state === 'ended' && endsAt && endsAt > now) {
      throw invalid(
        'endsAt',
        'endsAt of an ended subscription cannot be in the future; send active with that end date',
      );
    }
    return this.transactions.run(async (tx) => {
      const organization = await this.subscriptions.findForUpdate(organizationId, tx);
      if (!organization) throw new AppError('not-found', 'No organization has this id');
      if (await this.subscriptions.findPurge(organization.id, tx)) {
        throw new AppError('conflict', 'The purge of this organization has begun; its subscription cannot change');
      }
      if (organization.subscriptionState === 'terminated') {
        throw new AppError(
          'conflict',
          'The organization terminated its contract; only its owner can restore it (then billing can change it again)',
        );
      }
      const ended = body.state === 'ended';
      const updated = await this.subscriptions.update(
        organization.id,
        {
          subscriptionState: body.state,
          subscriptionEndsAt: ended ? (endsAt ?? organization.subscriptionEndsAt ?? now) : endsAt,
          // The purge clock starts when the platform learns of the end (never earlier), so the
          // owners always get the full period and its countdown emails.
          subscriptionEndedAt: ended ? (organization.subscriptionEndedAt ?? now) : null,
          terminatedFromState: null,
        },
        tx,
      );
      this.recordChange(tx, organization, updated, 'subscription.changed', {});
      return {
        organizationId: updated.id,
        state: updated.subscriptionState,
        endsAt: updated.subscriptionEndsAt,
        endedAt: updated.subscriptionEndedAt,
        purgeAt: purgeDateOf(updated, this.retentionDays),
      };
    });
  }

  private async assertOperator(caller: ApiKeyPrincipal): Promise<void> {
    const operator = this.settings.privacy.operatorOrganization;
    const own = await this.subscriptions.find(caller.organizationId);
    if (!operator || own?.slug !== operator) {
      throw new AppError('forbidden', 'Only API keys of the operator organization set subscriptions');
    }
  }

  private async lock(organizationId: string, tx: Transaction): Promise<OrganizationSubscription> {
    const organization = await this.subscriptions.findForUpdate(organizationId, tx);
    if (!organization) throw new AppError('not-found', 'Your organization no longer exists');
    return organization;
  }

  private recordChange(
    tx: Transaction,
    before: OrganizationSubscription,
    after: OrganizationSubscription,
    action: 'subscription.changed' | 'subscription.terminated' | 'subscription.restored',
    extra: Record<string, unknown>,
  ): void {
    this.audit.record(tx, {
      organizationId: after.id,
      action,
      targetType: 'organization',
      targetId: after.id,
      details: {
        from: before.subscriptionState,
        to: after.subscriptionState,
        endsAt: after.subscriptionEndsAt?.toISOString() ?? null,
        ...extra,
      },
    });
  }

  private toView(organization: OrganizationSubscription, purgeBegun: boolean): SubscriptionResponseDto {
    const now = this.clock.now();
    const state: SubscriptionState = organization.subscriptionState;
    const purgeAt = purgeDateOf(organization, this.retentionDays);
    return {
      organizationName: organization.name,
      state,
      endsAt: organization.subscriptionEndsAt,
      daysLeft:
        isRunning(state) && organization.subscriptionEndsAt ? daysUntil(organization.subscriptionEndsAt, now) : null,
      endedAt: organization.subscriptionEndedAt,
      purgeAt,
      daysUntilPurge: purgeAt ? daysUntil(purgeAt, now) : null,
      retentionDays: this.retentionDays,
      canTerminate: isRunning(state),
      canRestore: state === 'terminated' && !purgeBegun,
    };
  }
}
