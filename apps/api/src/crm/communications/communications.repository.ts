import { Injectable } from '@nestjs/common';
import { deleteBatch } from '../../database/batch-delete.js';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { CommunicationEntity } from '../entities/communication.entity.js';
import { applyKeyset, keysetPage } from '../keyset.repository.js';

export type CommunicationValues = Omit<
  CommunicationEntity,
  'organizationId' | 'createdAt' | 'updatedAt' | 'version' | 'client' | 'contact'
>;

export interface CommunicationFilters {
  branchScope?: string[];
  clientId?: string;
  contactId?: string;
  kind?: string;
  authorId?: string;
  /** Only communications changed at or after it (incremental sync), oldest change first. */
  updatedSince?: Date;
}

@Injectable()
export class CommunicationsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private communications(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(CommunicationEntity);
  }

  async insert(organizationId: string, values: CommunicationValues, tx: Transaction): Promise<CommunicationEntity> {
    return insertEntity(this.communications(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string): Promise<CommunicationEntity | null> {
    return findInOrganization(this.communications(), organizationId, id);
  }

  /** Newest first (by when it happened), keyset-paginated; oldest change first with `updatedSince`. */
  page(organizationId: string, filters: CommunicationFilters, cursor: string | undefined, limit: number) {
    const query = this.communications()
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId });
    if (filters.branchScope) query.andWhere('m.branch_id = ANY(:scope::uuid[])', { scope: filters.branchScope });
    if (filters.clientId) query.andWhere('m.client_id = :clientId', { clientId: filters.clientId });
    if (filters.contactId) query.andWhere('m.contact_id = :contactId', { contactId: filters.contactId });
    if (filters.kind) query.andWhere('m.kind = :kind', { kind: filters.kind });
    if (filters.authorId) query.andWhere('m.author_id = :authorId', { authorId: filters.authorId });
    const sort = filters.updatedSince ? 'updatedAt' : '-occurredAt';
    return keysetPage(applyKeyset(query, 'm', sort, cursor, limit, filters.updatedSince), sort, limit);
  }

  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<CommunicationValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.communications(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.communications(tx).delete({ organizationId, id })).affected ?? 0) === 1;
  }

  /** A subject's communications: sealed under a contact's key, or a client's own (no contact). */
  listOfSubject(organizationId: string, kind: 'client' | 'contact', id: string): Promise<CommunicationEntity[]> {
    const query = this.communications()
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId })
      .orderBy('m.occurred_at', 'ASC');
    if (kind === 'contact') query.andWhere('m.contact_id = :id', { id });
    else query.andWhere('m.client_id = :id AND m.contact_id IS NULL', { id });
    return query.getMany();
  }

  /** Everything said with the subject: a contact's, or all of a client's (its contacts' included). */
  /** Deletes up to `limit` of a subject's communications (one erasure step); how many went. */
  async deleteOfSubject(
    organizationId: string,
    kind: 'client' | 'contact',
    id: string,
    limit: number,
    tx: Transaction,
  ): Promise<number> {
    const column = kind === 'contact' ? 'contact_id' : 'client_id';
    return deleteBatch(tx, 'communications', `organization_id = $1 AND ${column} = $2`, [organizationId, id], limit);
  }
}
