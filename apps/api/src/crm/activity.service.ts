import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Transaction } from '../database/transaction.service.js';
import { ActivityRepository } from './activity.repository.js';
import type { ActivityAction } from './crm.types.js';
import type { CrmActor } from './crm-access.js';
import { StaffDirectory } from './staff-directory.js';

export type RecordType =
  | 'client'
  | 'contact'
  | 'communication'
  | 'job'
  | 'schedule_entry'
  | 'invoice'
  | 'tax_policy'
  | 'contact_list';

export interface ActivityView {
  id: string;
  action: ActivityAction;
  fields: string[];
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  at: Date;
}

/**
 * The activity log of CRM records: written in the transaction of each change (the change
 * and its entry commit together), with field names only.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
  ) {}

  /**
   * The one place a client's or contact's last-activity time is written (a communication
   * logged, an invoice raised or issued), in the transaction of what happened.
   */
  async touchParties(
    tx: Transaction,
    organizationId: string,
    parties: { clientId?: string | null; contactId?: string | null },
    at: Date,
  ): Promise<void> {
    if (parties.clientId) await this.activity.touchParty(organizationId, 'clients', parties.clientId, at, tx);
    if (parties.contactId) await this.activity.touchParty(organizationId, 'contacts', parties.contactId, at, tx);
  }

  /** The record's activity log and the organization's audit trail, both in the change's transaction. */
  record(
    tx: Transaction,
    actor: CrmActor,
    recordType: RecordType,
    recordId: string,
    action: ActivityAction,
    fields: string[] = [],
  ): Promise<void> {
    this.audit.record(tx, {
      organizationId: actor.organizationId,
      action: `record.${action}`,
      actor: { kind: actor.kind, id: actor.id },
      targetType: recordType,
      targetId: recordId,
      ...(fields.length ? { details: { fields } } : {}),
    });
    return this.activity.insert(
      {
        organizationId: actor.organizationId,
        recordType,
        recordId,
        action,
        fields,
        actorKind: actor.kind,
        actorId: actor.id,
      },
      tx,
    );
  }

  async forRecord(
    organizationId: string,
    recordType: RecordType,
    recordId: string,
    limit = 100,
  ): Promise<ActivityView[]> {
    const rows = await this.activity.listForRecord(organizationId, recordType, recordId, limit);
    const names = await this.staff.names(
      organizationId,
      rows.map((row) => (row.actorKind === 'user' ? row.actorId : null)),
    );
    return rows.map(({ id, action, fields, actorKind, actorId, at }) => ({
      id,
      action,
      fields,
      actorKind,
      actorId,
      actorName: (actorId && names.get(actorId)) ?? null,
      at,
    }));
  }

  nextNumber(organizationId: string, name: 'job' | 'invoice', tx: Transaction): Promise<number> {
    return this.activity.nextNumber(organizationId, name, tx);
  }
}

export { changedFields } from '../common/changed-fields.js';
