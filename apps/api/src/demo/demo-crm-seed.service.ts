import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { InvoicePaymentsService } from '../crm/billing/invoice-payments.service.js';
import { InvoicesService } from '../crm/billing/invoices.service.js';
import { TaxPoliciesService } from '../crm/billing/tax-policies.service.js';
import { ClientsService } from '../crm/clients/clients.service.js';
import { ContactsService } from '../crm/clients/contacts.service.js';
import { CommunicationsService } from '../crm/communications/communications.service.js';
import { JobsService } from '../crm/jobs/jobs.service.js';
import { ScheduleService } from '../crm/jobs/schedule.service.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import { DEMO_CLIENTS, DEMO_JOBS, DEMO_TAX_POLICY, type DemoJob } from './demo-crm-data.js';

const DAY = 86_400_000;

/**
 * The demo organization's CRM records, made through the same services the API uses (so
 * they are sealed, indexed and logged like any other), on behalf of the demo owner.
 */
@Injectable()
export class DemoCrmSeedService {
  constructor(
    private readonly clients: ClientsService,
    private readonly contacts: ContactsService,
    private readonly communications: CommunicationsService,
    private readonly taxPolicies: TaxPoliciesService,
    private readonly jobs: JobsService,
    private readonly schedule: ScheduleService,
    private readonly invoices: InvoicesService,
    private readonly payments: InvoicePaymentsService,
    private readonly clock: Clock,
  ) {}

  /** Seeds once: an organization that has any client is left alone. */
  async seedIfEmpty(
    owner: AuthenticatedUser,
    agentId: string,
    branches: Map<string, string>,
    now = this.clock.now(),
  ): Promise<boolean> {
    if ((await this.clients.list(owner, { limit: 1 })).items.length > 0) return false;
    const clientIds = new Map<string, string>();
    for (const [index, demo] of DEMO_CLIENTS.entries()) {
      const { contacts, communications, branch, ...fields } = demo;
      const client = await this.clients.create(owner, { ...fields, branchId: branches.get(branch) as string });
      clientIds.set(demo.name, client.id);
      const contactIds: string[] = [];
      for (const contact of contacts) {
        contactIds.push((await this.contacts.create(owner, { ...contact, clientId: client.id })).id);
      }
      for (const [position, communication] of communications.entries()) {
        const { daysAgo, contact, ...rest } = communication;
        await this.communications.create(owner, {
          ...rest,
          clientId: client.id,
          contactId: contact === undefined ? undefined : contactIds[contact],
          occurredAt: new Date(now.getTime() - daysAgo * DAY - (index * 7 + position) * 3_600_000),
        });
      }
    }
    await this.taxPolicies.create(owner, DEMO_TAX_POLICY);
    for (const job of DEMO_JOBS) await this.seedJob(owner, agentId, clientIds.get(job.client) as string, job, now);
    await this.schedule.create(owner, {
      kind: 'appointment',
      assigneeId: agentId,
      startsAt: slot(now, 2, 16).toISOString(),
      endsAt: slot(now, 2, 17).toISOString(),
      title: 'Team briefing',
      notes: 'Winter call-out rota and van stock check.',
      branchId: branches.get('Leeds') as string,
    });
    return true;
  }

  /** A job walked through the real workflow to its demo status, with its visit and invoice. */
  private async seedJob(owner: AuthenticatedUser, agentId: string, clientId: string, demo: DemoJob, now: Date) {
    let job = await this.jobs.create(owner, {
      clientId,
      title: demo.title,
      description: demo.description,
      priority: demo.priority,
      assignedUserIds: demo.agent ? [agentId] : [],
      dueOn: demo.dueInDays === undefined ? undefined : isoDate(now, demo.dueInDays),
    });
    const to = async (status: DemoJob['status']) => {
      job = await this.jobs.changeStatus(owner, job.id, { version: job.version, status });
    };
    if (demo.visit) {
      await this.schedule.create(owner, {
        kind: 'job_visit',
        jobId: job.id,
        // The agent works in Leeds; other visits go to the owner, who sees every branch.
        assigneeId: demo.agent ? agentId : owner.userId,
        startsAt: slot(now, demo.visit.inDays, demo.visit.hour).toISOString(),
        endsAt: slot(now, demo.visit.inDays, demo.visit.hour + demo.visit.hours).toISOString(),
        title: demo.title,
      });
      job = await this.jobs.get(owner, job.id);
    }
    const path: DemoJob['status'][] = ['scheduled', 'in_progress', 'completed'];
    const target = demo.status === 'invoiced' ? 'completed' : demo.status;
    if (target === 'cancelled') await to('cancelled');
    else
      for (const status of path.slice(path.indexOf(job.status as never) + 1, path.indexOf(target as never) + 1))
        await to(status);
    if (!demo.invoice) return;
    const invoice = await this.invoices.create(owner, {
      clientId,
      jobId: job.id,
      currency: 'GBP',
      lines: demo.invoice.lines,
    });
    if (demo.invoice.state === 'draft') return;
    const issuedDaysAgo = { issued: 5, overdue: 45, paid: 20 }[demo.invoice.state];
    const issued = await this.invoices.issue(owner, invoice.id, {
      version: invoice.version,
      issueDate: isoDate(now, -issuedDaysAgo),
      dueDate: isoDate(now, 30 - issuedDaysAgo),
    });
    if (demo.invoice.state === 'paid') {
      await this.payments.record(owner, invoice.id, {
        amountMinor: issued.totalMinor,
        paidOn: isoDate(now, -3),
        method: 'bank_transfer',
        reference: 'BACS demo',
      });
    }
  }
}

const isoDate = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/** `hour` o'clock (UTC) on the `workdays`-th working day from today (0: today, or Monday at a weekend). */
function slot(now: Date, workdays: number, hour: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  let left = workdays;
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || left > 0) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left--;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  day.setUTCHours(hour);
  return day;
}
