import type { SubjectRef } from '#crypto';
import { computeTotals, type LineInput } from '../../../apps/api/src/crm/billing/invoice-totals.js';
import type { JobStatus } from '../../../apps/api/src/crm/crm.types.js';
import type { TaxRate } from '../../../apps/api/src/crm/entities/tax-policy.entity.js';
import { BatchInsert } from '../batch-insert.js';
import { type Prng, Weighted } from '../prng.js';
import {
  type ActivityLog,
  activityEntry,
  activityLog,
  DAY,
  EPOCH,
  HOUR,
  isoDate,
  type Organization,
  RECORD_COLUMNS,
  type SeedContext,
  type SeededClient,
  type StaffMember,
  YEAR,
} from '../tenant.js';
import { INVOICE_LINES, JOB_TITLES_OF_WORK, SENTENCES } from '../vocabulary.js';

/** Half the jobs are new: the pool the status-update scenario moves to `scheduled`, one job per request. */
const STATUSES = new Weighted<JobStatus>([
  ['new', 50],
  ['scheduled', 8],
  ['in_progress', 6],
  ['completed', 16],
  ['invoiced', 15],
  ['cancelled', 5],
]);
const PRIORITIES = new Weighted([
  ['low', 15],
  ['normal', 60],
  ['high', 20],
  ['urgent', 5],
] as const);
const TAX_RATES: TaxRate[] = [
  { code: 'STD', name: 'Standard 20%', basisPoints: 2000 },
  { code: 'RED', name: 'Reduced 5%', basisPoints: 500 },
  { code: 'ZERO', name: 'Zero-rated', basisPoints: 0 },
];
const TAX_CODES = new Weighted([
  ['STD', 85],
  ['RED', 10],
  ['ZERO', 5],
] as const);
const PAYMENT_METHODS = new Weighted([
  ['bank_transfer', 60],
  ['card', 30],
  ['cash', 4],
  ['cheque', 4],
  ['other', 2],
] as const);
const APPOINTMENT_SHARE = 0.05;

export interface SeededJobs {
  jobs: number;
  /** Ids of the jobs in status `new` (version 1), oldest first. */
  newJobIds: string[];
  /** Every tenth job id, for audit entries. */
  sampleIds: string[];
  scheduleEntries: number;
  /** Visits that found no free slot in their assignee's calendar (none at the default sizes). */
  doubleBooked: number;
  invoices: number;
  payments: number;
  sampleInvoiceId: string | null;
}

interface PlannedJob {
  client: SeededClient;
  status: JobStatus;
  createdAt: number;
}

/**
 * Phase 4: jobs in every status, their visits in the assignees' calendars (never double
 * booked), a few appointments, and the invoices and payments of finished work, priced by the
 * product's own invoice arithmetic under a UK VAT policy. Jobs and visits are sealed under
 * the client's key (internal appointments under the assignee's), as JobsService and
 * ScheduleService do; bill-to copies by the product's BillToCipher.
 */
export async function seedJobsAndBilling(
  ctx: SeedContext,
  org: Organization,
  clients: SeededClient[],
  jobCount: number,
): Promise<SeededJobs> {
  const prng = ctx.prng('jobs');
  const activity = activityLog(ctx.db);
  const billing = new Billing(ctx, org, await insertTaxPolicy(ctx, org, prng), activity);
  const writer = new JobWriter(ctx, org, prng, activity, billing);
  const newJobIds: string[] = [];
  const sampleIds: string[] = [];
  for (const [index, planned] of planJobs(prng, clients, jobCount).entries()) {
    const id = await writer.write(planned, index + 1);
    if (planned.status === 'new') newJobIds.push(id);
    if (index % 10 === 0) sampleIds.push(id);
  }
  await seedAppointments(ctx, org, clients, writer.calendar, writer.visits, activity, jobCount);
  const jobs = await writer.jobs.close();
  // Visits reference their job: they go in once every job is.
  const schedule = new BatchInsert(ctx.db, 'schedule_entries', SCHEDULE_COLUMNS);
  for (const visit of writer.visits) await schedule.push(visit);
  const scheduleEntries = await schedule.close();
  const { invoices, payments, sampleInvoiceId } = await billing.close();
  await activity.close();
  await ctx.crypto.flushKeys(ctx.db);
  await ctx.db.query(
    `INSERT INTO crm_counters (organization_id, name, value) VALUES ($1, 'job', $2), ($1, 'invoice', $3)`,
    [org.id, jobs, invoices],
  );
  const { doubleBooked } = writer.calendar;
  return { jobs, newJobIds, sampleIds, scheduleEntries, doubleBooked, invoices, payments, sampleInvoiceId };
}

/**
 * Writes one job as if it had gone through the product's workflow: each step (the first
 * visit booked schedules it, work starts at the visit, ends, is invoiced) is an update with
 * its activity entry, so version, updated_at and the log agree with the status reached.
 */
class JobWriter {
  readonly calendar = new Calendar();
  readonly visits: Array<Record<ScheduleColumn, unknown>> = [];
  readonly jobs: BatchInsert<JobColumn>;

  constructor(
    private readonly ctx: SeedContext,
    private readonly org: Organization,
    private readonly prng: Prng,
    private readonly activity: ActivityLog,
    private readonly billing: Billing,
  ) {
    this.jobs = new BatchInsert(ctx.db, 'jobs', JOB_COLUMNS);
  }

  async write(planned: PlannedJob, number: number): Promise<string> {
    const { prng, org } = this;
    const { client, status, createdAt } = planned;
    const job: JobInProgress = {
      id: prng.uuid(),
      client,
      createdAt,
      title: prng.pick(JOB_TITLES_OF_WORK),
      assigned: assignees(prng, org.workers[client.branch], status),
      version: 1,
      updatedAt: createdAt,
    };
    await this.activity.push(activityEntry(prng, org.id, 'job', job.id, client.ownerId, new Date(createdAt)));
    let completedAt: number | null = null;
    if (status === 'scheduled') {
      const visit = await this.visit(job, EPOCH + prng.float() * 60 * DAY, 'planned');
      await this.step(job, visit.booked);
    } else if (status === 'in_progress') {
      const visit = await this.visit(job, EPOCH - (2 + prng.float() * 12) * DAY, 'planned');
      await this.step(job, visit.booked);
      await this.step(job, visit.startsAt);
    } else if (status === 'completed' || status === 'invoiced') {
      const visit = await this.visit(job, createdAt + (1 + prng.float() * 9) * DAY, 'done');
      await this.step(job, visit.booked);
      await this.step(job, visit.startsAt);
      const ended = prng.chance(0.2)
        ? (await this.visit(job, visit.endsAt + (2 + prng.float() * 10) * DAY, 'done')).endsAt
        : visit.endsAt;
      completedAt = Math.min(ended + prng.float() * 2 * HOUR, EPOCH - HOUR);
      await this.step(job, completedAt, ['completedAt', 'status']);
      const invoicedAt = await this.billing.forJob(prng, job.id, client, status === 'invoiced', completedAt);
      if (invoicedAt !== null) await this.step(job, invoicedAt);
    } else if (status === 'cancelled') {
      if (prng.chance(0.3)) {
        const visit = await this.visit(job, createdAt + (1 + prng.float() * 9) * DAY, 'cancelled');
        await this.step(job, visit.booked);
      }
      await this.step(job, Math.min(job.updatedAt + prng.float() * 20 * DAY, EPOCH - HOUR));
    }

    // Sealed under the client's key, as JobsService.seal does.
    const cipher = this.ctx.crypto.records;
    const subject = cipher.subject('client', client.id);
    const description = prng.chance(0.7) ? `${prng.pick(SENTENCES)} ${prng.pick(SENTENCES)}` : null;
    await this.jobs.push({
      id: job.id,
      organization_id: org.id,
      branch_id: org.branches[client.branch].id,
      created_at: new Date(createdAt),
      updated_at: new Date(job.updatedAt),
      version: job.version,
      number,
      client_id: client.id,
      title_enc: await cipher.seal(subject, 'jobs.title', job.title),
      site_address_enc: await cipher.sealJson(
        subject,
        'jobs.site_address',
        prng.chance(0.5) ? client.billTo.address : null,
      ),
      description_enc: await cipher.seal(subject, 'jobs.description', description),
      status,
      priority: PRIORITIES.draw(prng),
      assigned_user_ids: job.assigned.map((member) => member.id),
      due_on: prng.chance(0.6) ? isoDate(createdAt + prng.int(7, 60) * DAY) : null,
      completed_at: completedAt === null ? null : new Date(completedAt),
    });
    return job.id;
  }

  /** One update of the job: the version goes up and the activity log says which fields changed. */
  private async step(job: JobInProgress, at: number, fields = ['status']): Promise<void> {
    job.version++;
    job.updatedAt = at;
    const actorId = job.assigned[0]?.id ?? job.client.ownerId;
    await this.activity.push(activityEntry(this.prng, this.org.id, 'job', job.id, actorId, new Date(at), fields));
  }

  /** A visit in the first assignee's calendar, booked between the job's creation and the visit (or the epoch). */
  private async visit(job: JobInProgress, after: number, status: 'planned' | 'done' | 'cancelled') {
    const { prng, org } = this;
    const assignee = job.assigned[0] ?? prng.pick(org.workers[job.client.branch]);
    const hours = prng.int(1, 3);
    const startsAt = this.calendar.book(prng, assignee.id, after, hours);
    const endsAt = startsAt + hours * HOUR;
    const booked = job.updatedAt + prng.float() * Math.max(0, Math.min(startsAt, EPOCH) - job.updatedAt);
    // Sealed under the client's key, as ScheduleService does for anything with a client.
    const cipher = this.ctx.crypto.records;
    const subject = cipher.subject('client', job.client.id);
    const notes = prng.chance(0.3) ? prng.pick(SENTENCES) : null;
    this.visits.push({
      id: prng.uuid(),
      organization_id: org.id,
      branch_id: org.branches[job.client.branch].id,
      created_at: new Date(booked),
      updated_at: new Date(status === 'planned' ? booked : endsAt),
      version: status === 'planned' ? 1 : 2,
      kind: 'job_visit',
      job_id: job.id,
      client_id: job.client.id,
      assignee_id: assignee.id,
      starts_at: new Date(startsAt),
      ends_at: new Date(endsAt),
      status,
      title_enc: await cipher.seal(subject, 'schedule_entries.title', job.title),
      notes_enc: await cipher.seal(subject, 'schedule_entries.notes', notes),
    });
    return { booked, startsAt, endsAt };
  }
}

interface JobInProgress {
  id: string;
  client: SeededClient;
  createdAt: number;
  title: string;
  assigned: StaffMember[];
  version: number;
  updatedAt: number;
}

const JOB_COLUMNS = {
  ...RECORD_COLUMNS,
  number: 'int4',
  client_id: 'uuid',
  title_enc: 'bytea',
  site_address_enc: 'bytea',
  description_enc: 'bytea',
  status: 'job_status',
  priority: 'job_priority',
  assigned_user_ids: 'uuid[]',
  due_on: 'date',
  completed_at: 'timestamptz',
} as const;
type JobColumn = keyof typeof JOB_COLUMNS;

const SCHEDULE_COLUMNS = {
  ...RECORD_COLUMNS,
  kind: 'schedule_kind',
  job_id: 'uuid',
  client_id: 'uuid',
  assignee_id: 'uuid',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
  status: 'schedule_status',
  title_enc: 'bytea',
  notes_enc: 'bytea',
} as const;
type ScheduleColumn = keyof typeof SCHEDULE_COLUMNS;

const PAYMENT_COLUMNS = {
  id: 'uuid',
  organization_id: 'uuid',
  invoice_id: 'uuid',
  amount_minor: 'int8',
  paid_on: 'date',
  method: 'payment_method',
  reference: 'varchar',
  recorded_by: 'uuid',
  created_at: 'timestamptz',
} as const;
type PaymentColumn = keyof typeof PAYMENT_COLUMNS;

/** Which client each job is for and when it was opened, oldest first (job numbers follow). New jobs are recent. */
function planJobs(prng: Prng, clients: SeededClient[], count: number): PlannedJob[] {
  const order = clients.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const planned: PlannedJob[] = [];
  for (let i = 0; i < count; i++) {
    const client = clients[order[prng.skewed(order.length, 2)]];
    const status = STATUSES.draw(prng);
    const window = status === 'new' ? 120 * DAY : 2 * YEAR;
    const latest = EPOCH - (status === 'new' ? HOUR : 14 * DAY);
    const earliest = Math.min(Math.max(client.createdAt, EPOCH - window), latest - HOUR);
    planned.push({ client, status, createdAt: earliest + prng.float() * (latest - earliest) });
  }
  return planned.sort((a, b) => a.createdAt - b.createdAt);
}

/** New jobs are often unassigned; work under way has one or two people of the client's branch. */
function assignees(prng: Prng, workers: StaffMember[], status: JobStatus): StaffMember[] {
  if (status === 'new' && prng.chance(0.5)) return [];
  const first = prng.pick(workers);
  const second = prng.pick(workers);
  return status !== 'new' && second !== first && prng.chance(0.25) ? [first, second] : [first];
}

async function insertTaxPolicy(ctx: SeedContext, org: Organization, prng: Prng): Promise<string> {
  const id = prng.uuid();
  const at = new Date(EPOCH - 3 * YEAR);
  await ctx.db.query(
    `INSERT INTO tax_policies (id, organization_id, branch_id, name, pricing, rates, effective_from, created_at, updated_at, version)
     VALUES ($1, $2, NULL, 'UK VAT', 'exclusive', $3, '2020-01-01', $4, $4, 1)`,
    [id, org.id, JSON.stringify(TAX_RATES), at],
  );
  return id;
}

/**
 * Each staff member's days, in hour slots from 8:00 to 18:00 (UTC), so no one is booked
 * twice: the product refuses double bookings unless asked, and a seeded calendar should
 * look like one it accepted.
 */
class Calendar {
  private readonly days = new Map<string, number>();
  /** Bookings that found no free slot within 60 days and were double booked, as the product allows on request. */
  doubleBooked = 0;

  /** The start of the first free run of `hours` on a working day at or after `after`. */
  book(prng: Prng, assigneeId: string, after: number, hours: number): number {
    const need = (1 << hours) - 1;
    let day = Math.floor(after / DAY);
    for (let tries = 0; tries < 60; tries++, day++) {
      const weekday = new Date(day * DAY).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const key = `${assigneeId}|${day}`;
      const taken = this.days.get(key) ?? 0;
      const first = prng.int(0, 10 - hours);
      for (let offset = 0; offset <= 10 - hours; offset++) {
        const slot = (first + offset) % (11 - hours);
        if ((taken & (need << slot)) === 0) {
          this.days.set(key, taken | (need << slot));
          return day * DAY + (8 + slot) * HOUR;
        }
      }
    }
    this.doubleBooked++;
    return day * DAY + 8 * HOUR;
  }
}

/** Appointments not tied to a job: with a client, or internal (sealed under the assignee's key). */
async function seedAppointments(
  ctx: SeedContext,
  org: Organization,
  clients: SeededClient[],
  calendar: Calendar,
  entries: Array<Record<ScheduleColumn, unknown>>,
  activity: ActivityLog,
  jobCount: number,
): Promise<number> {
  const prng = ctx.prng('appointments');
  const cipher = ctx.crypto.records;
  const count = Math.round(jobCount * APPOINTMENT_SHARE);
  for (let i = 0; i < count; i++) {
    const id = prng.uuid();
    const client = prng.chance(0.5) ? prng.pick(clients) : null;
    const branch = client ? client.branch : prng.int(0, org.branches.length - 1);
    const assignee = prng.pick(org.workers[branch]);
    const subject: SubjectRef = client ? cipher.subject('client', client.id) : cipher.subject('user', assignee.id);
    const hours = prng.int(1, 2);
    const startsAt = calendar.book(prng, assignee.id, EPOCH - YEAR + prng.float() * (YEAR + 30 * DAY), hours);
    const createdAt = new Date(startsAt - prng.float() * 14 * DAY);
    const status = startsAt > EPOCH ? 'planned' : prng.chance(0.9) ? 'done' : 'cancelled';
    entries.push({
      id,
      organization_id: org.id,
      branch_id: org.branches[branch].id,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
      kind: 'appointment',
      job_id: null,
      client_id: client?.id ?? null,
      assignee_id: assignee.id,
      starts_at: new Date(startsAt),
      ends_at: new Date(startsAt + hours * HOUR),
      status,
      title_enc: await cipher.seal(subject, 'schedule_entries.title', client ? 'Account review' : 'Team briefing'),
      notes_enc: prng.chance(0.4) ? await cipher.seal(subject, 'schedule_entries.notes', prng.pick(SENTENCES)) : null,
    });
    await activity.push(activityEntry(prng, org.id, 'schedule_entry', id, assignee.id, createdAt));
  }
  return count;
}

interface PlannedInvoice {
  id: string;
  jobId: string;
  client: SeededClient;
  createdAt: number;
  status: 'draft' | 'issued' | 'paid' | 'void';
  lines: LineInput[];
}

/**
 * Invoices of finished jobs: drafts for some completed ones, issued, paid or void ones for
 * invoiced jobs. Collected first and written at the end in creation order, so invoice
 * numbers rise with time as the product's counter would make them.
 */
class Billing {
  private readonly planned: PlannedInvoice[] = [];

  constructor(
    private readonly ctx: SeedContext,
    private readonly org: Organization,
    private readonly taxPolicyId: string,
    private readonly activity: ActivityLog,
  ) {}

  /** Plans the job's invoice, if it has one; returns when the job became invoiced. */
  async forJob(prng: Prng, jobId: string, client: SeededClient, invoiced: boolean, completedAt: number) {
    if (!invoiced && !prng.chance(0.3)) return null;
    const createdAt = Math.min(completedAt + prng.float() * 3 * DAY, EPOCH - HOUR);
    const status = invoiced ? (prng.chance(0.05) ? 'void' : prng.chance(0.63) ? 'paid' : 'issued') : 'draft';
    const lines = Array.from({ length: prng.int(1, 4) }, () => {
      const [description, unitPriceMinor] = prng.pick(INVOICE_LINES);
      const hourly = description.includes('per hour');
      return {
        description,
        quantityMilli: hourly ? prng.int(2, 16) * 500 : 1000,
        unitPriceMinor,
        taxCode: TAX_CODES.draw(prng),
      };
    });
    this.planned.push({ id: prng.uuid(), jobId, client, createdAt, status, lines });
    return invoiced ? createdAt : null;
  }

  async close(): Promise<{ invoices: number; payments: number; sampleInvoiceId: string | null }> {
    const { ctx, org } = this;
    const prng = ctx.prng('invoices');
    const invoices = new BatchInsert(ctx.db, 'invoices', {
      ...RECORD_COLUMNS,
      number: 'int4',
      client_id: 'uuid',
      job_id: 'uuid',
      status: 'invoice_status',
      issue_date: 'date',
      due_date: 'date',
      currency: 'bpchar',
      tax_policy_id: 'uuid',
      pricing: 'pricing_mode',
      lines: 'jsonb',
      subtotal_minor: 'int8',
      tax_minor: 'int8',
      total_minor: 'int8',
      paid_minor: 'int8',
      bill_to_enc: 'bytea',
    });
    // Payments reference their invoice: they are written once every invoice is in.
    const payments: Array<Record<PaymentColumn, unknown>> = [];
    const paymentRows = new BatchInsert(ctx.db, 'payments', PAYMENT_COLUMNS);
    this.planned.sort((a, b) => a.createdAt - b.createdAt);
    for (const [index, invoice] of this.planned.entries()) {
      const totals = computeTotals(invoice.lines, TAX_RATES, 'exclusive');
      const actorId = invoice.client.ownerId;
      const issued = invoice.status !== 'draft';
      const issuedAt = invoice.createdAt + prng.float() * HOUR;
      // Paid in full, in one or two instalments; an issued invoice may be part paid.
      const amounts =
        invoice.status === 'paid'
          ? prng.chance(0.8)
            ? [totals.totalMinor]
            : [Math.floor(totals.totalMinor / 2), totals.totalMinor - Math.floor(totals.totalMinor / 2)]
          : invoice.status === 'issued' && prng.chance(0.3)
            ? [Math.floor(totals.totalMinor / 2)]
            : [];
      let updatedAt = invoice.createdAt;
      await this.activity.push(
        activityEntry(prng, org.id, 'invoice', invoice.id, actorId, new Date(invoice.createdAt)),
      );
      if (issued) {
        updatedAt = issuedAt;
        await this.activity.push(this.updated(prng, invoice.id, actorId, issuedAt, ['dueDate', 'issueDate', 'status']));
      }
      let paid = 0;
      for (const amount of amounts) {
        paid += amount;
        const paidAt = updatedAt + (3 + prng.float() * 25) * DAY;
        updatedAt = paidAt;
        payments.push({
          id: prng.uuid(),
          organization_id: org.id,
          invoice_id: invoice.id,
          amount_minor: amount,
          paid_on: isoDate(paidAt),
          method: PAYMENT_METHODS.draw(prng),
          reference: `INV-${index + 1}`,
          recorded_by: actorId,
          created_at: new Date(paidAt),
        });
        const settled = paid === totals.totalMinor;
        await this.activity.push(
          this.updated(prng, invoice.id, actorId, paidAt, settled ? ['paidMinor', 'status'] : ['paidMinor']),
        );
      }
      if (invoice.status === 'void') {
        updatedAt += (5 + prng.float() * 20) * DAY;
        await this.activity.push(this.updated(prng, invoice.id, actorId, updatedAt, ['status']));
      }
      await invoices.push({
        id: invoice.id,
        organization_id: org.id,
        branch_id: org.branches[invoice.client.branch].id,
        created_at: new Date(invoice.createdAt),
        updated_at: new Date(updatedAt),
        version: 1 + (issued ? 1 : 0) + amounts.length + (invoice.status === 'void' ? 1 : 0),
        number: index + 1,
        client_id: invoice.client.id,
        job_id: invoice.jobId,
        status: invoice.status,
        issue_date: issued ? isoDate(issuedAt) : null,
        due_date: issued ? isoDate(issuedAt + 30 * DAY) : null,
        currency: 'GBP',
        tax_policy_id: this.taxPolicyId,
        pricing: 'exclusive',
        lines: JSON.stringify(totals.lines),
        subtotal_minor: totals.subtotalMinor,
        tax_minor: totals.taxMinor,
        total_minor: totals.totalMinor,
        paid_minor: paid,
        bill_to_enc: await ctx.crypto.billTo.seal(invoice.client.id, invoice.client.billTo),
      });
    }
    await invoices.close();
    for (const payment of payments) await paymentRows.push(payment);
    await paymentRows.close();
    // Creating an invoice marks its client's last activity (BilledRecordsRepository.touchClient).
    await ctx.db.query(
      `UPDATE clients c SET last_activity_at = GREATEST(c.last_activity_at, i.at)
       FROM (SELECT client_id, max(created_at) AS at FROM invoices WHERE organization_id = $1 GROUP BY client_id) i
       WHERE c.id = i.client_id`,
      [org.id],
    );
    return {
      invoices: invoices.inserted,
      payments: paymentRows.inserted,
      sampleInvoiceId: this.planned.find((invoice) => invoice.status === 'paid')?.id ?? null,
    };
  }

  private updated(prng: Prng, invoiceId: string, actorId: string, at: number, fields: string[]) {
    return activityEntry(prng, this.org.id, 'invoice', invoiceId, actorId, new Date(at), fields);
  }
}
