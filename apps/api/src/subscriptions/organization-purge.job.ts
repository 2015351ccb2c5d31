import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { IdentityService } from '../identity/identity.service.js';
import { JobsService } from '../jobs/jobs.service.js';

const DAY_MS = 86_400_000;

import { OrganizationPurgeRepository } from './organization-purge.repository.js';
import { OrganizationPurger, type PurgeLimits, type PurgeOutcome } from './organization-purger.js';
import type { OrganizationSubscription } from './subscription.types.js';
import { purgeDateOf } from './subscription-schedule.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

export const ORGANIZATION_PURGE = 'subscriptions.purge';

/**
 * The nightly purge of ended and terminated organizations past their purge date, of sign-ups
 * never confirmed within RETENTION_UNCONFIRMED_SIGN_UP_DAYS, and of any purge a killed run left
 * unfinished. `@Cron` only ticks (every replica may); the tick's job
 * runs once. Each run writes a receipt to the platform trail.
 */
@Injectable()
export class OrganizationPurgeJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly purges: OrganizationPurgeRepository,
    private readonly purger: OrganizationPurger,
    private readonly audit: AuditService,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register({
      name: ORGANIZATION_PURGE,
      // A large organization may take long: an attempt that outlives this is retried, and the
      // retry continues where the purge stands (its batches skip rows another runner holds).
      expireInSeconds: 3_600,
      // The cron tick's job carries no batch size (PURGE_BATCH); an operator or a test may send one.
      handle: async (payload) => {
        await this.run(typeof payload.batchSize === 'number' ? { batchSize: payload.batchSize } : {});
      },
    });
  }

  @Cron('0 0 4 * * *', { name: ORGANIZATION_PURGE, timeZone: 'UTC' })
  nightly(): Promise<string | null> {
    return this.jobs.tick(ORGANIZATION_PURGE, this.clock.now());
  }

  async run(limits: PurgeLimits = {}): Promise<Record<string, PurgeOutcome>> {
    const startedAt = this.clock.now();
    const days = this.settings.retention.accountDaysAfterSubscription;
    const outcomes: Record<string, PurgeOutcome> = {};
    // Judged again on the locked row: a restore just before the purge begins wins.
    const due = (organization: OrganizationSubscription, now: Date) => {
      const purgeAt = purgeDateOf(organization, days);
      return purgeAt !== null && purgeAt <= now;
    };
    for (const purge of await this.purges.listRunning()) {
      outcomes[purge.purgedOrganizationId] = await this.purger.purge(purge.purgedOrganizationId, () => false, limits);
    }
    for (const organization of await this.subscriptions.listEnded()) {
      const purgeAt = purgeDateOf(organization, days) as Date;
      if (purgeAt > startedAt || outcomes[organization.id]) continue;
      outcomes[organization.id] = await this.purger.purge(organization.id, due, limits);
    }
    // Abandoned sign-ups: nobody ever confirmed an email, so nobody can sign in to use them.
    const unconfirmedBefore = new Date(startedAt.getTime() - this.settings.retention.unconfirmedSignUpDays * DAY_MS);
    const unconfirmed = await this.identity.listUnconfirmedOrganizations(unconfirmedBefore);
    for (const organizationId of unconfirmed) {
      if (outcomes[organizationId]) continue;
      // Judged again just before: a confirmation that came in meanwhile keeps the organization.
      if (!(await this.identity.isUnconfirmedOrganization(organizationId, unconfirmedBefore))) continue;
      outcomes[organizationId] = await this.purger.purge(organizationId, () => true, limits);
    }
    const count = (outcome: PurgeOutcome) => Object.values(outcomes).filter((value) => value === outcome).length;
    await this.audit.recordNow({
      organizationId: null,
      action: 'subscriptions.purge_ran',
      actor: { kind: 'system', id: null },
      details: {
        at: startedAt.toISOString(),
        durationMs: this.clock.nowMs() - startedAt.getTime(),
        purged: count('purged'),
        unconfirmedSignUps: unconfirmed.filter((id) => outcomes[id] === 'purged').length,
        held: count('held'),
        interrupted: count('interrupted'),
      },
    });
    return outcomes;
  }
}
