import { AppError } from '../../common/app-error.js';
import type { Transaction, TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import type { ActivityService, ActivityView } from '../activity.service.js';
import { assertMayChange, type CrmActor, canSeeBranch, crmActor, recordNotFound } from '../crm-access.js';

/** What clients and contacts (the parties of the CRM) share for access. */
interface PartyRecord {
  branchId: string;
  ownerId: string | null;
  restrictedAt: Date | null;
}

interface PartyRecords<Entity> {
  find(organizationId: string, id: string): Promise<Entity | null>;
  delete(organizationId: string, id: string, tx: Transaction): Promise<boolean>;
}

/**
 * The rules clients and contacts share, written once: who may see one (branch scope, 404
 * otherwise, like another organization's id), who may change it (not while restricted;
 * agents only their own), deleting it with its activity entry, and reading its activity.
 */
export class PartyAccess<Entity extends PartyRecord> {
  constructor(
    private readonly kind: 'client' | 'contact',
    private readonly records: PartyRecords<Entity>,
    private readonly transactions: TransactionService,
    private readonly activity: ActivityService,
  ) {}

  async visible(actor: CrmActor, id: string): Promise<Entity> {
    const record = await this.records.find(actor.organizationId, id);
    if (!record || !canSeeBranch(actor, record.branchId)) throw recordNotFound(this.kind);
    return record;
  }

  assertWritable(actor: CrmActor, record: Entity): void {
    if (record.restrictedAt) {
      throw new AppError('conflict', `Processing of this ${this.kind} is restricted; it is read-only`);
    }
    assertMayChange(actor, record.ownerId === actor.id, `${this.kind}s`);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    this.assertWritable(actor, await this.visible(actor, id));
    await this.transactions.run(async (tx) => {
      if (!(await this.records.delete(actor.organizationId, id, tx))) throw recordNotFound(this.kind);
      await this.activity.record(tx, actor, this.kind, id, 'deleted');
    });
  }

  async activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    const actor = crmActor(caller);
    await this.visible(actor, id);
    return this.activity.forRecord(actor.organizationId, this.kind, id);
  }
}
