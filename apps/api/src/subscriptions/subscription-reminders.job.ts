import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { ReminderKind } from './entities/subscription-reminder.entity.js';
import { PURGE_REMINDER_DAYS, RENEWAL_REMINDER_DAYS } from './subscription.types.js';
import { SubscriptionMails } from './subscription-mails.js';
import { dueReminders, purgeDateOf } from './subscription-schedule.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

export const SUBSCRIPTION_REMINDERS = 'subscriptions.reminders';

/**
 * The daily reminders: before a running subscription's end (renewal) and before an ended
 * organization's purge (countdown). Each reminder is recorded and its email queued in one
 * transaction, and recorded at most once: a retried run or a second replica sends nothing twice.
 */
@Injectable()
export class SubscriptionRemindersJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly transactions: TransactionService,
    private readonly mails: SubscriptionMails,
    private readonly audit: AuditService,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register({
      name: SUBSCRIPTION_REMINDERS,
      handle: async () => {
        await this.run();
      },
    });
  }

  @Cron('0 0 8 * * *', { name: SUBSCRIPTION_REMINDERS, timeZone: 'UTC' })
  daily(): Promise<string | null> {
    return this.jobs.tick(SUBSCRIPTION_REMINDERS, this.clock.now());
  }

  async run(): Promise<{ renewal: number; purge: number }> {
    const now = this.clock.now();
    const sent = { renewal: 0, purge: 0 };
    for (const organization of await this.subscriptions.listRunningWithEnd()) {
      const endsAt = organization.subscriptionEndsAt as Date;
      if (await this.remind(organization.id, 'renewal', endsAt, dueReminders(endsAt, now, RENEWAL_REMINDER_DAYS))) {
        sent.renewal++;
      }
    }
    const days = this.settings.retention.accountDaysAfterSubscription;
    for (const organization of await this.subscriptions.listEnded()) {
      const purgeAt = purgeDateOf(organization, days) as Date;
      if (await this.remind(organization.id, 'purge', purgeAt, dueReminders(purgeAt, now, PURGE_REMINDER_DAYS))) {
        sent.purge++;
      }
    }
    await this.audit.recordNow({
      organizationId: null,
      action: 'subscriptions.reminders_sent',
      actor: { kind: 'system', id: null },
      details: { at: now.toISOString(), sent },
    });
    return sent;
  }

  /** Records every due reminder not yet recorded; mails the nearest of them. True when one was mailed. */
  private async remind(organizationId: string, kind: ReminderKind, date: Date, due: number[]): Promise<boolean> {
    if (!due.length) return false;
    return this.transactions.run(async (tx) => {
      const fresh: number[] = [];
      for (const daysBefore of due) {
        const recorded = await this.subscriptions.recordReminder(
          { organizationId, kind, forDate: date, daysBefore, sentAt: this.clock.now() },
          tx,
        );
        if (recorded) fresh.push(daysBefore);
      }
      // An older reminder recorded now (it fell due together with a nearer one) is not mailed.
      if (!fresh.includes(due[0])) return false;
      await this.mails.queue(tx, {
        organizationId,
        mail: kind === 'renewal' ? 'renewal' : 'purge-countdown',
        date: date.toISOString(),
        daysBefore: due[0],
      });
      this.audit.record(tx, {
        organizationId,
        action: 'subscription.reminder_sent',
        actor: { kind: 'system', id: null },
        targetType: 'organization',
        targetId: organizationId,
        details: { kind, daysBefore: due[0], date: date.toISOString() },
      });
      return true;
    });
  }
}
