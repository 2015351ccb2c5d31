import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SubjectRef } from '#crypto';
import { AppError } from '../../common/app-error.js';
import { updatedSinceOf } from '../../common/pagination.dto.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService, type ActivityView, changedFields } from '../activity.service.js';
import type { JobStatus, ScheduleKind, ScheduleStatus } from '../crm.types.js';
import {
  assertBranchWritable,
  assertMayChange,
  type CrmActor,
  canSeeBranch,
  crmActor,
  recordNotFound,
  staleRecord,
} from '../crm-access.js';
import type { JobEntity } from '../entities/job.entity.js';
import type { ScheduleEntryEntity } from '../entities/schedule-entry.entity.js';
import { RecordCipher } from '../record-cipher.js';
import { StaffDirectory } from '../staff-directory.js';
import { type ClientRef, ClientRefsRepository } from './client-refs.repository.js';
import { VISITABLE_JOB_STATUSES } from './job-workflow.js';
import { clientRestricted, doubleBooked, invalidField } from './jobs.errors.js';
import { JobsRepository } from './jobs.repository.js';
import { assigneeFilter, JobsService, nonBlankTitle } from './jobs.service.js';
import type { ScheduleEntryCreateDto, ScheduleEntryUpdateDto, ScheduleWindowQueryDto } from './schedule.dto.js';
import { type ScheduleEntryValues, ScheduleRepository } from './schedule.repository.js';

export interface ScheduleEntryView {
  id: string;
  kind: ScheduleKind;
  jobId: string | null;
  clientId: string | null;
  assigneeId: string;
  startsAt: Date;
  endsAt: Date;
  status: ScheduleStatus;
  title: string;
  notes: string | null;
  branchId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const DAY_MS = 86_400_000;
/** Two months of calendar at most per request: a month view with its spill-over weeks fits. */
export const MAX_WINDOW_DAYS = 62;
/** A booking is a stretch of one working day or night, never longer. */
export const MAX_ENTRY_HOURS = 24;
const MAX_WINDOW_ENTRIES = 2000;

function assertSpan(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw invalidField('endsAt', 'endsAt must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_ENTRY_HOURS * 3_600_000) {
    throw invalidField('endsAt', `an entry can last at most ${MAX_ENTRY_HOURS} hours`);
  }
}

const agentsOwnCalendar = () => new AppError('forbidden', 'Agents can book and change only their own calendar');

/**
 * Schedules: appointments and job visits in staff calendars. Nobody is booked twice at the
 * same time unless the booking says so explicitly.
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly entries: ScheduleRepository,
    private readonly jobs: JobsRepository,
    private readonly clientRefs: ClientRefsRepository,
    private readonly cipher: RecordCipher,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly jobService: JobsService,
  ) {}

  async create(caller: Caller, input: ScheduleEntryCreateDto): Promise<ScheduleEntryView> {
    const actor = crmActor(caller);
    if (actor.role === 'agent' && input.assigneeId !== actor.id) throw agentsOwnCalendar();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    assertSpan(startsAt, endsAt);
    const job = input.jobId ? await this.jobFor(actor, input.jobId, input.kind) : null;
    if (job && input.clientId && input.clientId !== job.clientId) {
      throw invalidField('clientId', "clientId must be the job's client (or be left out)");
    }
    const clientId = input.clientId ?? job?.clientId ?? null;
    const client = clientId ? await this.clientFor(actor, clientId, input.clientId != null) : null;
    const branchId = input.branchId ?? job?.branchId ?? client?.branchId;
    if (!branchId) throw invalidField('branchId', 'branchId is required for an appointment with no job or client');
    assertBranchWritable(actor, branchId);
    if (input.branchId) await this.staff.assertBranch(actor.organizationId, input.branchId);
    await this.staff.assertStaff(actor.organizationId, [input.assigneeId], 'assigneeId', branchId);
    const id = randomUUID();
    // Sealed before the transaction opens: it must not wait on key lookups outside it.
    const subject = this.subjectOf(clientId, input.assigneeId);
    const values: ScheduleEntryValues = {
      id,
      kind: input.kind,
      jobId: job?.id ?? null,
      clientId,
      assigneeId: input.assigneeId,
      branchId,
      startsAt,
      endsAt,
      status: 'planned',
      titleEnc: (await this.cipher.seal(subject, 'schedule_entries.title', nonBlankTitle(input.title))) as Buffer,
      notesEnc: await this.cipher.seal(subject, 'schedule_entries.notes', input.notes),
    };
    const saved = await this.transactions.run(async (tx) => {
      await this.entries.lockCalendar(actor.organizationId, input.assigneeId, tx);
      if (!input.allowDoubleBooking) {
        const clashes = await this.entries.overlapping(
          actor.organizationId,
          input.assigneeId,
          startsAt,
          endsAt,
          null,
          tx,
        );
        if (clashes.length) throw doubleBooked(clashes);
      }
      const entry = await this.entries.insert(actor.organizationId, values, tx);
      await this.activity.record(tx, actor, 'schedule_entry', id, 'created');
      // The first visit booked schedules the job; the guarded update leaves a job someone moved meanwhile alone.
      if (job && input.kind === 'job_visit' && job.status === 'new') {
        await this.jobService.advanceWithin(tx, actor, job.id, 'new', 'scheduled');
      }
      return entry;
    });
    return this.toView(saved);
  }

  async get(caller: Caller, id: string): Promise<ScheduleEntryView> {
    return this.toView(await this.visible(crmActor(caller), id));
  }

  /** Entries overlapping [from, to), by start. */
  async window(
    caller: Caller,
    query: ScheduleWindowQueryDto,
  ): Promise<{ items: ScheduleEntryView[]; truncated: boolean }> {
    const actor = crmActor(caller);
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to.getTime() <= from.getTime()) throw invalidField('to', 'to must be after from');
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw invalidField('to', `the window can span at most ${MAX_WINDOW_DAYS} days`);
    }
    const rows = await this.entries.window(
      actor.organizationId,
      {
        branchScope: actor.branchScope,
        assigneeId: assigneeFilter(actor, query.assigneeId),
        branchId: query.branchId,
        jobId: query.jobId,
        clientId: query.clientId,
        updatedSince: updatedSinceOf(query),
      },
      from,
      to,
      MAX_WINDOW_ENTRIES,
    );
    const page = rows.slice(0, MAX_WINDOW_ENTRIES);
    return { items: await this.toViews(page), truncated: rows.length > MAX_WINDOW_ENTRIES };
  }

  async update(caller: Caller, id: string, patch: ScheduleEntryUpdateDto): Promise<ScheduleEntryView> {
    const actor = crmActor(caller);
    const entry = await this.visible(actor, id);
    await this.assertWritable(actor, entry);
    if (entry.version !== patch.version) throw staleRecord();
    const assigneeId = patch.assigneeId ?? entry.assigneeId;
    const reassigned = assigneeId !== entry.assigneeId;
    if (reassigned) {
      if (actor.role === 'agent') throw agentsOwnCalendar();
      await this.staff.assertStaff(actor.organizationId, [assigneeId], 'assigneeId', entry.branchId);
    }
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : entry.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : entry.endsAt;
    const moved = startsAt.getTime() !== entry.startsAt.getTime() || endsAt.getTime() !== entry.endsAt.getTime();
    if (moved) assertSpan(startsAt, endsAt);
    const status = patch.status ?? entry.status;
    const reopened = entry.status === 'cancelled' && status !== 'cancelled';
    const mustCheck = status !== 'cancelled' && !patch.allowDoubleBooking && (moved || reassigned || reopened);

    // Internal appointments are sealed under their assignee's key: a new assignee means sealing again.
    const before = this.subjectOf(entry.clientId, entry.assigneeId);
    const after = this.subjectOf(entry.clientId, assigneeId);
    const resealed = before.kind !== after.kind || before.id !== after.id;
    const sealed: Partial<ScheduleEntryValues> = {};
    if (patch.title !== undefined || resealed) {
      const title =
        patch.title !== undefined
          ? nonBlankTitle(patch.title)
          : ((await this.cipher.open(before, 'schedule_entries.title', entry.titleEnc)) as string);
      sealed.titleEnc = (await this.cipher.seal(after, 'schedule_entries.title', title)) as Buffer;
    }
    if (patch.notes !== undefined || resealed) {
      const notes =
        patch.notes !== undefined
          ? patch.notes
          : await this.cipher.open(before, 'schedule_entries.notes', entry.notesEnc);
      sealed.notesEnc = await this.cipher.seal(after, 'schedule_entries.notes', notes);
    }
    const values: Partial<ScheduleEntryValues> = {
      ...sealed,
      ...(patch.startsAt ? { startsAt } : {}),
      ...(patch.endsAt ? { endsAt } : {}),
      ...(patch.assigneeId ? { assigneeId } : {}),
      ...(patch.status ? { status } : {}),
    };
    const { allowDoubleBooking, ...changes } = patch;
    const fields = changedFields(changes);
    await this.transactions.run(async (tx) => {
      if (mustCheck) {
        await this.entries.lockCalendar(actor.organizationId, assigneeId, tx);
        const clashes = await this.entries.overlapping(actor.organizationId, assigneeId, startsAt, endsAt, id, tx);
        if (clashes.length) throw doubleBooked(clashes);
      }
      if (!(await this.entries.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'schedule_entry', id, 'updated', fields);
    });
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    const entry = await this.visible(actor, id);
    await this.assertWritable(actor, entry);
    await this.transactions.run(async (tx) => {
      if (!(await this.entries.delete(actor.organizationId, id, tx))) throw recordNotFound('schedule entry');
      await this.activity.record(tx, actor, 'schedule_entry', id, 'deleted');
    });
  }

  async activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    const actor = crmActor(caller);
    await this.visible(actor, id);
    return this.activity.forRecord(actor.organizationId, 'schedule_entry', id);
  }

  /** The entry if the caller may see it; 404 otherwise, also for other organizations' ids. */
  async visible(actor: CrmActor, id: string): Promise<ScheduleEntryEntity> {
    const entry = await this.entries.find(actor.organizationId, id);
    if (!entry || !canSeeBranch(actor, entry.branchId)) throw recordNotFound('schedule entry');
    return entry;
  }

  /** Agents change only their own calendar; nobody changes the entries of a restricted client. */
  private async assertWritable(actor: CrmActor, entry: ScheduleEntryEntity): Promise<void> {
    if (actor.role === 'agent' && entry.assigneeId !== actor.id) throw agentsOwnCalendar();
    if (entry.clientId && (await this.clientRefs.find(actor.organizationId, entry.clientId))?.restrictedAt) {
      throw clientRestricted();
    }
  }

  /** The job a new entry refers to: visible to the caller, and open to visits when it is a visit. */
  private async jobFor(actor: CrmActor, jobId: string, kind: ScheduleKind): Promise<JobEntity> {
    const job = await this.jobs.find(actor.organizationId, jobId);
    if (!job || !canSeeBranch(actor, job.branchId)) throw invalidField('jobId', 'no such job among those you can see');
    if (kind === 'job_visit') {
      if (!(VISITABLE_JOB_STATUSES as readonly JobStatus[]).includes(job.status)) {
        throw new AppError('conflict', `A ${job.status} job cannot get new visits`);
      }
      // Booking a visit schedules the job: a change to the job, so agents need to be on it.
      assertMayChange(actor, job.assignedUserIds.includes(actor.id), 'jobs');
    }
    return job;
  }

  /**
   * The client of a new entry. A client named in the request must be one the caller can see;
   * one inherited from a visible job need not (the job already is). Restricted: read-only.
   */
  private async clientFor(actor: CrmActor, clientId: string, named: boolean): Promise<ClientRef> {
    const client = await this.clientRefs.find(actor.organizationId, clientId);
    if (!client || (named && !canSeeBranch(actor, client.branchId))) {
      throw invalidField('clientId', 'no such client among those you can see');
    }
    if (client.restrictedAt) throw clientRestricted();
    return client;
  }

  private subjectOf(clientId: string | null, assigneeId: string): SubjectRef {
    return clientId ? this.cipher.subject('client', clientId) : this.cipher.subject('user', assigneeId);
  }

  async toViews(entries: ScheduleEntryEntity[]): Promise<ScheduleEntryView[]> {
    const subjects = new Map<string, SubjectRef>();
    for (const entry of entries) {
      const subject = this.subjectOf(entry.clientId, entry.assigneeId);
      subjects.set(`${subject.kind}:${subject.id}`, subject);
    }
    await this.cipher.preload([...subjects.values()]);
    return Promise.all(entries.map((entry) => this.toView(entry)));
  }

  async toView(entry: ScheduleEntryEntity): Promise<ScheduleEntryView> {
    const subject = this.subjectOf(entry.clientId, entry.assigneeId);
    return {
      id: entry.id,
      kind: entry.kind,
      jobId: entry.jobId,
      clientId: entry.clientId,
      assigneeId: entry.assigneeId,
      startsAt: entry.startsAt,
      endsAt: entry.endsAt,
      status: entry.status,
      title: (await this.cipher.open(subject, 'schedule_entries.title', entry.titleEnc)) as string,
      notes: await this.cipher.open(subject, 'schedule_entries.notes', entry.notesEnc),
      branchId: entry.branchId,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      version: entry.version,
    };
  }
}
