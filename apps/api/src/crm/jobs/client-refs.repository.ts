import { Injectable } from '@nestjs/common';
import { TransactionService } from '../../database/transaction.service.js';

/** What jobs and schedules need to know of a client: where it belongs and whether it may be processed. */
export interface ClientRef {
  id: string;
  branchId: string;
  restrictedAt: Date | null;
}

const FIND_CLIENT_REF =
  'SELECT "ClientEntity"."id" AS "ClientEntity_id", "ClientEntity"."branch_id" AS "ClientEntity_branch_id", ' +
  '"ClientEntity"."restricted_at" AS "ClientEntity_restricted_at", "ClientEntity"."organization_id" AS "ClientEntity_organization_id" ' +
  'FROM "clients" "ClientEntity" WHERE (("ClientEntity"."organization_id" = $1) AND ("ClientEntity"."id" = $2)) LIMIT 1';

/**
 * Reads the few unsealed facts of client rows (branch, restriction) inside the CRM context;
 * never their sealed fields, and never writes them.
 */
@Injectable()
export class ClientRefsRepository {
  constructor(private readonly transactions: TransactionService) {}

  /** Every job and visit write asks: the text `findOne` builds, written out once. */
  async find(organizationId: string, id: string): Promise<ClientRef | null> {
    const rows: Array<Record<string, unknown>> = await this.transactions
      .managerOf()
      .query(FIND_CLIENT_REF, [organizationId, id]);
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      id: row.ClientEntity_id as string,
      branchId: row.ClientEntity_branch_id as string,
      restrictedAt: (row.ClientEntity_restricted_at as Date | null) ?? null,
    };
  }
}
