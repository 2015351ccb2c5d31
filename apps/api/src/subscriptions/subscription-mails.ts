import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '../database/transaction.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';

export const SUBSCRIPTION_MAIL = 'subscriptions.mail';

export type SubscriptionMailKind = 'renewal' | 'purge-countdown' | 'terminated' | 'restored';

/** What the mail job carries: ids, a date and a count, no personal data. */
export interface SubscriptionMailPayload {
  [key: string]: string | number | null;
  organizationId: string;
  mail: SubscriptionMailKind;
  /** The end date (renewal) or purge date (the others), ISO. */
  date: string | null;
  daysBefore: number | null;
}

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The subscription emails to an organization's owners and admins. Queued in the transaction
 * of the change (or of the reminder's record), sent by the job: a rolled-back change sends
 * nothing, and a failed send is retried by the job engine.
 */
@Injectable()
export class SubscriptionMails implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly identity: IdentityService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register<SubscriptionMailPayload>({
      name: SUBSCRIPTION_MAIL,
      handle: (payload) => this.send(payload),
    });
  }

  queue(tx: Transaction, payload: SubscriptionMailPayload): Promise<string | null> {
    return this.jobs.enqueue(tx, SUBSCRIPTION_MAIL, payload);
  }

  private async send(payload: SubscriptionMailPayload): Promise<void> {
    const organization = await this.identity.findOrganization(payload.organizationId);
    if (!organization) return; // purged since: nobody left to tell
    const people = (await this.identity.listUsers(organization.id)).filter(
      (user) => (user.role === 'owner' || user.role === 'admin') && user.state === 'active',
    );
    const { subject, lines } = this.wording(payload, organization.name);
    const link = this.mail.link('/admin/subscription', {});
    for (const person of people) {
      await this.mail.send({
        to: person.email,
        subject,
        text: [`Hello ${person.fullName},`, '', ...lines, '', link].join('\n'),
      });
    }
  }

  private wording(payload: SubscriptionMailPayload, name: string): { subject: string; lines: string[] } {
    const date = payload.date ? day(payload.date) : '';
    switch (payload.mail) {
      case 'renewal':
        return {
          subject: `The Steward CRM subscription of ${name} ends in ${payload.daysBefore} days`,
          lines: [
            `The subscription of ${name} ends on ${date}.`,
            'Renew it before then to keep working without interruption. See its state here:',
          ],
        };
      case 'purge-countdown':
        return {
          subject: `The data of ${name} will be deleted in ${payload.daysBefore} ${payload.daysBefore === 1 ? 'day' : 'days'}`,
          lines: [
            `The subscription of ${name} has ended. All of its data (clients, contacts, jobs, invoices,`,
            `people, the audit trail) will be deleted for good on ${date}.`,
            'Until then you can still sign in, export what you need, and restore the organization here:',
          ],
        };
      case 'terminated':
        return {
          subject: `${name} has been terminated: its data will be deleted on ${date}`,
          lines: [
            `An owner of ${name} terminated its Steward CRM contract.`,
            `All of its data will be deleted for good on ${date}. Until then you can still sign in,`,
            'export what you need, and an owner can restore the organization here:',
          ],
        };
      case 'restored':
        return {
          subject: `${name} has been restored`,
          lines: [
            `An owner of ${name} restored the organization: its data will not be deleted.`,
            'See its subscription here:',
          ],
        };
    }
  }
}
