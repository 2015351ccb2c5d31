import { AppError } from '../../common/app-error.js';
import type { Transaction, TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import type { RestrictionService } from '../../personal-data/restriction.service.js';
import type { RestrictionReason } from '../../personal-data/restriction.types.js';
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
 * agents only their own), deleting it with its activity entry, reading its activity, and
 * restricting its processing (GDPR Art. 18) through the personal-data context.
 */
export class PartyAccess<Entity extends PartyRecord> {
  constructor(
    private readonly kind: 'client' | 'contact',
    private readonly records: PartyRecords<Entity>,
    private readonly transactions: TransactionService,
    private readonly activity: ActivityService,
    private readonly restrictions: RestrictionService,
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

  /**
   * Applies (`reason` given) or lifts (`reason` null) restriction of processing. Idempotent:
   * asking for the state the record is already in changes, audits and announces nothing.
   */
  async setRestriction(
    caller: Caller,
    id: string,
    reason: RestrictionReason | null,
  ): Promise<{ restricted: boolean; restrictedAt: Date | null }> {
    const actor = crmActor(caller);
    const record = await this.visible(actor, id);
    const subject = { kind: this.kind, id, organizationId: actor.organizationId };
    if (reason && !record.restrictedAt) await this.restrictions.restrict(subject, reason);
    if (!reason && record.restrictedAt) await this.restrictions.lift(subject);
    const now = await this.records.find(actor.organizationId, id);
    if (!now) throw recordNotFound(this.kind);
    return { restricted: now.restrictedAt !== null, restrictedAt: now.restrictedAt };
  }
}
