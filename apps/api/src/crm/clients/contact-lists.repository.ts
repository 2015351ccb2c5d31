import { Injectable } from '@nestjs/common';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { ContactListEntity, ContactListMemberEntity } from '../entities/contact-list.entity.js';

export type ContactListValues = Pick<
  ContactListEntity,
  'name' | 'kind' | 'filter' | 'branchId' | 'ownerId' | 'purposeKey'
>;

@Injectable()
export class ContactListsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private lists(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ContactListEntity);
  }

  private members(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ContactListMemberEntity);
  }

  async insert(organizationId: string, values: ContactListValues, tx: Transaction): Promise<ContactListEntity> {
    return insertEntity(this.lists(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string): Promise<ContactListEntity | null> {
    return findInOrganization(this.lists(), organizationId, id);
  }

  /** The organization's lists a caller may see: organization-wide ones and those of the given branches. */
  /** By name; with `updatedSince`, those changed at or after it, oldest change first. */
  async listVisible(organizationId: string, branchScope: string[] | undefined, updatedSince?: Date) {
    const query = this.lists().createQueryBuilder('l').where('l.organization_id = :organizationId', { organizationId });
    if (updatedSince) {
      query
        .andWhere('l.updated_at >= :updatedSince', { updatedSince })
        .orderBy('l.updated_at', 'ASC')
        .addOrderBy('l.id', 'ASC');
    } else query.orderBy('l.name', 'ASC');
    if (branchScope)
      query.andWhere('(l.branch_id IS NULL OR l.branch_id = ANY(:scope::uuid[]))', { scope: branchScope });
    return query.getMany();
  }

  async memberCounts(listIds: string[]): Promise<Map<string, number>> {
    if (listIds.length === 0) return new Map();
    const rows: Array<{ list_id: string; n: number }> = await this.members().query(
      'SELECT list_id, count(*)::int AS n FROM contact_list_members WHERE list_id = ANY($1::uuid[]) GROUP BY list_id',
      [listIds],
    );
    return new Map(rows.map((row) => [row.list_id, row.n]));
  }

  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<ContactListValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.lists(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.lists(tx).delete({ organizationId, id })).affected ?? 0) === 1;
  }

  /** Adds members, ignoring those already in; answers how many were new. */
  async addMembers(organizationId: string, listId: string, contactIds: string[], tx: Transaction): Promise<number> {
    const result = await this.members(tx)
      .createQueryBuilder()
      .insert()
      .values(contactIds.map((contactId) => ({ organizationId, listId, contactId })))
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  async removeMember(organizationId: string, listId: string, contactId: string, tx: Transaction): Promise<boolean> {
    return ((await this.members(tx).delete({ organizationId, listId, contactId })).affected ?? 0) === 1;
  }
}
