import { Injectable } from '@nestjs/common';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization, organizationOfRecord } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { ClientEntity } from '../entities/client.entity.js';
import { applyKeyset, keysetPage, type ListSort } from '../keyset.repository.js';

export type ClientValues = Omit<
  ClientEntity,
  'organizationId' | 'createdAt' | 'updatedAt' | 'version' | 'lastActivityAt' | 'restrictedAt'
>;

export interface ClientFilters {
  branchScope?: string[];
  searchTokens?: string[];
  tag?: string;
  ownerId?: string;
  branchId?: string;
  kind?: string;
  updatedSince?: Date;
}

/** Every query is scoped to one organization (and, for managers and agents, their branches). */
@Injectable()
export class ClientsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private clients(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ClientEntity);
  }
  /** The organization of the record with this id, whichever it is (re-applying an erasure after a restore). */
  organizationOf(id: string): Promise<string | null> {
    return organizationOfRecord(this.clients(), id);
  }

  async insert(organizationId: string, values: ClientValues, tx: Transaction): Promise<ClientEntity> {
    return insertEntity(this.clients(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<ClientEntity | null> {
    return findInOrganization(this.clients(tx), organizationId, id);
  }

  async page(
    organizationId: string,
    filters: ClientFilters,
    sort: ListSort,
    cursor: string | undefined,
    limit: number,
  ) {
    const query = this.clients()
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId });
    if (filters.branchScope) query.andWhere('c.branch_id = ANY(:scope::uuid[])', { scope: filters.branchScope });
    if (filters.searchTokens?.length) {
      query.andWhere('c.search_tokens @> :tokens::varchar[]', { tokens: filters.searchTokens });
    }
    if (filters.tag) query.andWhere('c.tags @> ARRAY[:tag]::varchar[]', { tag: filters.tag });
    if (filters.ownerId) query.andWhere('c.owner_id = :ownerId', { ownerId: filters.ownerId });
    if (filters.branchId) query.andWhere('c.branch_id = :branchId', { branchId: filters.branchId });
    if (filters.kind) query.andWhere('c.kind = :kind', { kind: filters.kind });
    return keysetPage(applyKeyset(query, 'c', sort, cursor, limit, filters.updatedSince), sort, limit);
  }

  /** The clients with these ids, within a branch scope when one is given. */
  findByIds(organizationId: string, ids: string[], branchScope?: string[]): Promise<ClientEntity[]> {
    const query = this.clients()
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId })
      .andWhere('c.id = ANY(:ids::uuid[])', { ids });
    if (branchScope) query.andWhere('c.branch_id = ANY(:scope::uuid[])', { scope: branchScope });
    return query.getMany();
  }

  /** Applies the patch only if the row is still at `version`; false when it is not (or absent). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<ClientValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.clients(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.clients(tx).delete({ organizationId, id })).affected ?? 0) === 1;
  }

  async setRestricted(organizationId: string, id: string, at: Date | null, tx?: Transaction): Promise<void> {
    await this.clients(tx).update({ organizationId, id }, { restrictedAt: at });
  }
}
