import { Injectable } from '@nestjs/common';
import { TransactionService } from '../../database/transaction.service.js';
import { ClientEntity } from '../entities/client.entity.js';

/** What jobs and schedules need to know of a client: where it belongs and whether it may be processed. */
export interface ClientRef {
  id: string;
  branchId: string;
  restrictedAt: Date | null;
}

/**
 * Reads the few unsealed facts of client rows (branch, restriction) inside the CRM context;
 * never their sealed fields, and never writes them.
 */
@Injectable()
export class ClientRefsRepository {
  constructor(private readonly transactions: TransactionService) {}

  find(organizationId: string, id: string): Promise<ClientRef | null> {
    return this.transactions
      .managerOf()
      .getRepository(ClientEntity)
      .findOne({ select: { id: true, branchId: true, restrictedAt: true }, where: { organizationId, id } });
  }
}
