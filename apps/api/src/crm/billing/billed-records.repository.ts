import { Injectable } from '@nestjs/common';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { ClientEntity } from '../entities/client.entity.js';
import { JobEntity } from '../entities/job.entity.js';

export type BilledClient = Pick<
  ClientEntity,
  'id' | 'branchId' | 'nameEnc' | 'emailEnc' | 'addressEnc' | 'restrictedAt'
>;
export type BilledJob = Pick<JobEntity, 'id' | 'branchId' | 'clientId' | 'status' | 'number'>;

/**
 * What billing needs of clients and jobs: who is billed (for the bill-to copy), and the
 * job's move to `invoiced` when its invoice is issued. Scoped to one organization.
 */
@Injectable()
export class BilledRecordsRepository {
  constructor(private readonly transactions: TransactionService) {}

  findClient(organizationId: string, id: string): Promise<BilledClient | null> {
    return this.transactions
      .managerOf()
      .getRepository(ClientEntity)
      .findOne({
        where: { organizationId, id },
        select: { id: true, branchId: true, nameEnc: true, emailEnc: true, addressEnc: true, restrictedAt: true },
      });
  }

  findJob(organizationId: string, id: string): Promise<BilledJob | null> {
    return this.transactions
      .managerOf()
      .getRepository(JobEntity)
      .findOne({
        where: { organizationId, id },
        select: { id: true, branchId: true, clientId: true, status: true, number: true },
      });
  }

  /**
   * The client's "last activity" (a technical timestamp shown in lists). Plain SQL: it is
   * not an edit of the client, so its version must not move under someone editing it.
   */
  async touchClient(organizationId: string, id: string, at: Date, tx: Transaction): Promise<void> {
    await tx.manager.query('UPDATE clients SET last_activity_at = $3 WHERE organization_id = $1 AND id = $2', [
      organizationId,
      id,
      at,
    ]);
  }

  /** completed → invoiced; false when the job is gone or in another state (nothing changes then). */
  async markJobInvoiced(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    const result = await tx.manager
      .getRepository(JobEntity)
      .update({ organizationId, id, status: 'completed' }, { status: 'invoiced', version: () => 'version + 1' });
    return (result.affected ?? 0) === 1;
  }
}
