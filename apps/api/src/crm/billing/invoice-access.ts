import { Injectable } from '@nestjs/common';
import { type CrmActor, canSeeBranch } from '../crm-access.js';
import type { InvoiceEntity } from '../entities/invoice.entity.js';
import { StaffDirectory } from '../staff-directory.js';
import { BilledRecordsRepository } from './billed-records.repository.js';

/**
 * Which invoices an actor reaches. Whoever holds invoices:read (and every API key, whose
 * scopes the guard checked) reaches the invoices of their branches. An agent holds only
 * payments:write: they reach the invoices of jobs assigned to them, to show and take a
 * payment on site, and no other (404, as for records of another branch).
 */
@Injectable()
export class InvoiceAccess {
  constructor(
    private readonly staff: StaffDirectory,
    private readonly records: BilledRecordsRepository,
  ) {}

  /** Undefined: every invoice of the actor's branches; a user id: only invoices of jobs assigned to them. */
  assignedOnlyTo(actor: CrmActor): string | undefined {
    if (actor.kind !== 'user' || actor.role === null) return undefined;
    return this.staff.roleHolds(actor.role, 'invoices:read') ? undefined : actor.id;
  }

  async mayReach(actor: CrmActor, invoice: Pick<InvoiceEntity, 'branchId' | 'jobId'>): Promise<boolean> {
    if (!canSeeBranch(actor, invoice.branchId)) return false;
    const assignee = this.assignedOnlyTo(actor);
    if (assignee === undefined) return true;
    if (!invoice.jobId) return false;
    const job = await this.records.findJob(actor.organizationId, invoice.jobId);
    return job?.assignedUserIds.includes(assignee) ?? false;
  }
}
