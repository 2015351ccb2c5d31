import { Injectable } from '@nestjs/common';
import { TransactionService } from '../../database/transaction.service.js';
import { ClientEntity } from '../entities/client.entity.js';
import { JobEntity } from '../entities/job.entity.js';

export type BilledClient = Pick<
  ClientEntity,
  'id' | 'branchId' | 'nameEnc' | 'emailEnc' | 'addressEnc' | 'restrictedAt'
>;
export type BilledJob = Pick<JobEntity, 'id' | 'branchId' | 'clientId' | 'status' | 'number' | 'assignedUserIds'>;

/**
 * What billing reads of clients and jobs: who is billed (for the bill-to copy) and which
 * job an invoice is for. Scoped to one organization. Billing never writes them: the job's
 * move to `invoiced` goes through JobsService, the last-activity time through ActivityService.
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
        select: { id: true, branchId: true, clientId: true, status: true, number: true, assignedUserIds: true },
      });
  }
}
