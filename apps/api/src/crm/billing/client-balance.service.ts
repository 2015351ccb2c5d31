import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { Caller } from '../../identity/identity.types.js';
import { canSeeBranch, crmActor, recordNotFound } from '../crm-access.js';
import { BilledRecordsRepository } from './billed-records.repository.js';
import { today } from './calendar-date.js';
import { type ClientBalanceRow, InvoicesRepository } from './invoices.repository.js';

/** What a client owes and has paid, per currency, over the invoices the caller can see. */
@Injectable()
export class ClientBalanceService {
  constructor(
    private readonly records: BilledRecordsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly clock: Clock,
  ) {}

  async balance(caller: Caller, clientId: string): Promise<{ clientId: string; currencies: ClientBalanceRow[] }> {
    const actor = crmActor(caller);
    const client = await this.records.findClient(actor.organizationId, clientId);
    if (!client || !canSeeBranch(actor, client.branchId)) throw recordNotFound('client');
    const currencies = await this.invoices.balanceOfClient(
      actor.organizationId,
      clientId,
      actor.branchScope,
      today(this.clock.now()),
    );
    return { clientId, currencies };
  }
}
