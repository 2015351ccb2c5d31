import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LoadedKeys } from '#crypto';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { DEFAULT_PAGE_SIZE, syncSort, updatedSinceOf } from '../../common/pagination.dto.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService, type ActivityView, changedFields } from '../activity.service.js';
import { type Address, JOB_STATUSES, type JobPriority, type JobStatus } from '../crm.types.js';
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
import { RecordCipher } from '../record-cipher.js';
import { StaffDirectory } from '../staff-directory.js';
import { type ClientRef, ClientRefsRepository } from './client-refs.repository.js';
import { canMove, DELETABLE_JOB_STATUSES, OPEN_JOB_STATUSES } from './job-workflow.js';
import type { JobBoardQueryDto, JobCreateDto, JobListQueryDto, JobStatusChangeDto, JobUpdateDto } from './jobs.dto.js';
import { clientRestricted, illegalTransition, invalidField } from './jobs.errors.js';
import { type JobFilters, JobsRepository, type JobValues } from './jobs.repository.js';

export interface JobView {
  id: string;
  number: number;
  clientId: string;
  status: JobStatus;
  priority: JobPriority;
  assignedUserIds: string[];
  dueOn: string | null;
  completedAt: Date | null;
  branchId: string;
  title: string;
  siteAddress: Address | null;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface JobBoard {
  counts: Record<JobStatus, number>;
  columns: Array<{ status: JobStatus; items: JobView[] }>;
}

const BOARD_COLUMN_SIZE = 50;

export function nonBlankTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw invalidField('title', 'title must not be blank');
  return trimmed;
}

/** Resolves `me` to the caller; an API key has no calendar or jobs of its own. */
export function assigneeFilter(actor: CrmActor, assigneeId: string | undefined): string | undefined {
  if (assigneeId !== 'me') return assigneeId;
  if (actor.kind !== 'user') throw invalidField('assigneeId', 'me means a signed-in user; pass a user id instead');
  return actor.id;
}

/** Jobs: field-service work orders for a client, moving through a fixed workflow. */
@Injectable()
export class JobsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly jobs: JobsRepository,
    private readonly clientRefs: ClientRefsRepository,
    private readonly cipher: RecordCipher,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: JobCreateDto): Promise<JobView> {
    const actor = crmActor(caller);
    const client = await this.clientFor(actor, input.clientId);
    const branchId = input.branchId ?? client.branchId;
    assertBranchWritable(actor, branchId);
    if (input.branchId) await this.staff.assertBranch(actor.organizationId, input.branchId);
    const assignedUserIds = [...new Set(input.assignedUserIds ?? (actor.role === 'agent' ? [actor.id] : []))];
    assertMayChange(actor, assignedUserIds.includes(actor.id), 'jobs');
    await this.staff.assertStaff(actor.organizationId, assignedUserIds, 'assignedUserIds', branchId);
    const id = randomUUID();
    // Sealed before the transaction opens: it must not wait on key lookups outside it.
    const sealed = await this.seal(client.id, {
      title: nonBlankTitle(input.title),
      siteAddress: input.siteAddress ?? null,
      description: input.description ?? null,
    });
    const saved = await this.transactions.run(async (tx) => {
      const values: JobValues = {
        id,
        number: await this.activity.nextNumber(actor.organizationId, 'job', tx),
        clientId: client.id,
        branchId,
        status: 'new',
        priority: input.priority ?? 'normal',
        assignedUserIds,
        dueOn: input.dueOn ?? null,
        completedAt: null,
        titleEnc: sealed.titleEnc as Buffer,
        siteAddressEnc: sealed.siteAddressEnc ?? null,
        descriptionEnc: sealed.descriptionEnc ?? null,
      };
      const job = await this.jobs.insert(actor.organizationId, values, tx);
      await this.activity.record(tx, actor, 'job', id, 'created');
      return job;
    });
    return this.toView(saved);
  }

  async get(caller: Caller, id: string): Promise<JobView> {
    return this.toView(await this.visible(crmActor(caller), id));
  }

  async list(caller: Caller, query: JobListQueryDto): Promise<{ items: JobView[]; nextCursor: string | null }> {
    const actor = crmActor(caller);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const updatedSince = updatedSinceOf(query);
    const page = await this.jobs.page(
      actor.organizationId,
      {
        branchScope: actor.branchScope,
        statuses: query.status,
        priorities: query.priority,
        clientId: query.clientId,
        assigneeId: assigneeFilter(actor, query.assigneeId),
        branchId: query.branchId,
        updatedSince,
      },
      syncSort(query.sort, updatedSince, '-createdAt'),
      query.cursor,
      limit,
    );
    return { items: await this.toViews(page.rows), nextCursor: page.nextCursor };
  }

  /** Counts per status and the newest jobs of each open status, for the jobs board. */
  async board(caller: Caller, query: JobBoardQueryDto): Promise<JobBoard> {
    const actor = crmActor(caller);
    const filters: JobFilters = {
      branchScope: actor.branchScope,
      branchId: query.branchId,
      assigneeId: assigneeFilter(actor, query.assigneeId),
    };
    const found = await this.jobs.countByStatus(actor.organizationId, filters);
    const counts = Object.fromEntries(JOB_STATUSES.map((status) => [status, found.get(status) ?? 0])) as Record<
      JobStatus,
      number
    >;
    const rows: JobEntity[][] = [];
    for (const status of OPEN_JOB_STATUSES) {
      rows.push(await this.jobs.newest(actor.organizationId, { ...filters, statuses: [status] }, BOARD_COLUMN_SIZE));
    }
    const views = await this.toViews(rows.flat());
    return {
      counts,
      columns: OPEN_JOB_STATUSES.map((status) => ({ status, items: views.filter((job) => job.status === status) })),
    };
  }

  async update(caller: Caller, id: string, patch: JobUpdateDto): Promise<JobView> {
    const actor = crmActor(caller);
    const job = await this.visible(actor, id);
    await this.assertWritable(actor, job);
    const assignedUserIds = patch.assignedUserIds ? [...new Set(patch.assignedUserIds)] : undefined;
    if (assignedUserIds) {
      // An agent hands a job over through a manager: they cannot take themselves off it.
      assertMayChange(actor, assignedUserIds.includes(actor.id), 'jobs');
      await this.staff.assertStaff(actor.organizationId, assignedUserIds, 'assignedUserIds', job.branchId);
    }
    const sealed = await this.seal(job.clientId, {
      title: patch.title === undefined ? undefined : nonBlankTitle(patch.title),
      siteAddress: patch.siteAddress,
      description: patch.description,
    });
    const values: Partial<JobValues> = {
      ...sealed,
      ...(patch.priority ? { priority: patch.priority } : {}),
      ...(assignedUserIds ? { assignedUserIds } : {}),
      ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
    };
    const fields = changedFields(patch);
    await this.transactions.run(async (tx) => {
      if (!(await this.jobs.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) throw staleRecord();
      await this.activity.record(tx, actor, 'job', id, 'updated', fields);
    });
    return this.get(caller, id);
  }

  /** One step of the workflow; anything else answers 409 with the allowed next states. */
  async changeStatus(caller: Caller, id: string, change: JobStatusChangeDto): Promise<JobView> {
    const actor = crmActor(caller);
    const job = await this.visible(actor, id);
    await this.assertWritable(actor, job);
    if (job.version !== change.version) throw staleRecord();
    if (!canMove(job.status, change.status)) throw illegalTransition(job.status, change.status);
    const completing = change.status === 'completed';
    await this.transactions.run(async (tx) => {
      // The version guard also guarantees the status is still the one the transition was checked from.
      const moved = await this.jobs.moveIfVersion(
        actor.organizationId,
        id,
        change.version,
        change.status,
        completing ? this.clock.now() : null,
        tx,
      );
      if (!moved) throw staleRecord();
      await this.activity.record(tx, actor, 'job', id, 'updated', completing ? ['completedAt', 'status'] : ['status']);
    });
    return this.get(caller, id);
  }

  /**
   * The door for moves other work causes (a first visit booked: new → scheduled; the
   * invoice issued: completed → invoiced), inside that work's transaction. Checked against
   * the workflow like a person's move; guarded by the current status, so a job someone
   * moved meanwhile is left alone (false).
   */
  async advanceWithin(tx: Transaction, actor: CrmActor, id: string, from: JobStatus, to: JobStatus): Promise<boolean> {
    if (!canMove(from, to)) throw new Error(`The job workflow has no move from ${from} to ${to}`);
    if (!(await this.jobs.moveStatusIf(actor.organizationId, id, from, to, tx))) return false;
    await this.activity.record(tx, actor, 'job', id, 'updated', ['status']);
    return true;
  }

  /** Only new or cancelled jobs: anything further along is part of the client's history. */
  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    const job = await this.visible(actor, id);
    await this.assertWritable(actor, job);
    const refused = () =>
      new AppError(
        'conflict',
        `Only new or cancelled jobs can be deleted; this one is ${job.status}. Cancel it first if it will not happen`,
      );
    if (!(DELETABLE_JOB_STATUSES as readonly JobStatus[]).includes(job.status)) throw refused();
    await this.transactions.run(async (tx) => {
      if (!(await this.jobs.deleteIfStatus(actor.organizationId, id, DELETABLE_JOB_STATUSES, tx))) {
        throw new AppError('conflict', 'The job changed since you loaded it; reload it and try again');
      }
      await this.activity.record(tx, actor, 'job', id, 'deleted');
    });
  }

  async activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    const actor = crmActor(caller);
    await this.visible(actor, id);
    return this.activity.forRecord(actor.organizationId, 'job', id);
  }

  /** The job if the caller may see it; 404 otherwise, also for other organizations' ids. */
  async visible(actor: CrmActor, id: string): Promise<JobEntity> {
    const job = await this.jobs.find(actor.organizationId, id);
    if (!job || !canSeeBranch(actor, job.branchId)) throw recordNotFound('job');
    return job;
  }

  /** The client a new record is for: it must exist, be visible to the caller and not be restricted. */
  async clientFor(actor: CrmActor, clientId: string): Promise<ClientRef> {
    const client = await this.clientRefs.find(actor.organizationId, clientId);
    if (!client || !canSeeBranch(actor, client.branchId)) {
      throw invalidField('clientId', 'no such client among those you can see');
    }
    if (client.restrictedAt) throw clientRestricted();
    return client;
  }

  /** Agents change only jobs they are assigned to; nobody changes the jobs of a restricted client. */
  async assertWritable(actor: CrmActor, job: JobEntity): Promise<void> {
    assertMayChange(actor, job.assignedUserIds.includes(actor.id), 'jobs');
    const client = await this.clientRefs.find(actor.organizationId, job.clientId);
    if (client?.restrictedAt) throw clientRestricted();
  }

  /** Seals the given fields under the client's key; undefined ones are left out (unchanged). */
  private async seal(
    clientId: string,
    details: { title?: string; siteAddress?: Address | null; description?: string | null },
  ): Promise<Partial<Pick<JobValues, 'titleEnc' | 'siteAddressEnc' | 'descriptionEnc'>>> {
    const subject = this.cipher.subject('client', clientId);
    return {
      ...(details.title !== undefined
        ? { titleEnc: (await this.cipher.seal(subject, 'jobs.title', details.title)) as Buffer }
        : {}),
      ...(details.siteAddress !== undefined
        ? { siteAddressEnc: await this.cipher.sealJson(subject, 'jobs.site_address', details.siteAddress) }
        : {}),
      ...(details.description !== undefined
        ? { descriptionEnc: await this.cipher.seal(subject, 'jobs.description', details.description) }
        : {}),
    };
  }

  async toViews(jobs: JobEntity[]): Promise<JobView[]> {
    const keys = await this.cipher.keysFor(jobs.map((job) => this.cipher.subject('client', job.clientId)));
    return jobs.map((job) => this.viewOf(job, keys));
  }

  async toView(job: JobEntity): Promise<JobView> {
    return this.viewOf(job, await this.cipher.keysFor([this.cipher.subject('client', job.clientId)]));
  }

  private viewOf(job: JobEntity, keys: LoadedKeys): JobView {
    const subject = this.cipher.subject('client', job.clientId);
    return {
      id: job.id,
      number: job.number,
      clientId: job.clientId,
      status: job.status,
      priority: job.priority,
      assignedUserIds: job.assignedUserIds,
      dueOn: job.dueOn,
      completedAt: job.completedAt,
      branchId: job.branchId,
      title: keys.open(subject, 'jobs.title', job.titleEnc) as string,
      siteAddress: keys.openJson<Address>(subject, 'jobs.site_address', job.siteAddressEnc),
      description: keys.open(subject, 'jobs.description', job.descriptionEnc),
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      version: job.version,
    };
  }
}
