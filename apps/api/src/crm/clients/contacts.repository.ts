import { Injectable } from '@nestjs/common';
import { ConsentBasisService } from '../../consent/contacts/consent-basis.service.js';
import { insertEntity } from '../../database/insert-entity.js';
import { findInOrganization, organizationOfRecord } from '../../database/lean-rows.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { ContactEntity } from '../entities/contact.entity.js';
import { applyKeyset, keysetPage, type ListSort } from '../keyset.repository.js';

export type ContactValues = Omit<
  ContactEntity,
  'organizationId' | 'createdAt' | 'updatedAt' | 'version' | 'lastActivityAt' | 'restrictedAt'
>;

export interface ContactFilters {
  branchScope?: string[];
  searchTokens?: string[];
  tag?: string;
  ownerId?: string;
  branchId?: string;
  clientId?: string;
  /** Members of a static contact list. */
  listId?: string;
  /** Only contacts with a valid consent basis for this purpose key (the consent ledger's condition). */
  consentPurposeKey?: string;
  /** Leave out contacts whose processing is restricted (GDPR Art. 18): marketing and exports. */
  excludeRestricted?: boolean;
  /** Only contacts changed at or after it (incremental sync). */
  updatedSince?: Date;
}

/** Every query is scoped to one organization (and, for managers and agents, their branches). */
@Injectable()
export class ContactsRepository {
  constructor(
    private readonly transactions: TransactionService,
    private readonly consent: ConsentBasisService,
  ) {}

  private contacts(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ContactEntity);
  }
  /** The organization of the record with this id, whichever it is (re-applying an erasure after a restore). */
  organizationOf(id: string): Promise<string | null> {
    return organizationOfRecord(this.contacts(), id);
  }

  async insert(organizationId: string, values: ContactValues, tx: Transaction): Promise<ContactEntity> {
    return insertEntity(this.contacts(tx), { ...values, organizationId });
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<ContactEntity | null> {
    return findInOrganization(this.contacts(tx), organizationId, id);
  }

  async page(
    organizationId: string,
    filters: ContactFilters,
    sort: ListSort,
    cursor: string | undefined,
    limit: number,
  ) {
    const query = this.contacts()
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId });
    if (filters.branchScope) query.andWhere('c.branch_id = ANY(:scope::uuid[])', { scope: filters.branchScope });
    if (filters.searchTokens?.length) {
      query.andWhere('c.search_tokens @> :tokens::varchar[]', { tokens: filters.searchTokens });
    }
    if (filters.tag) query.andWhere('c.tags @> ARRAY[:tag]::varchar[]', { tag: filters.tag });
    if (filters.ownerId) query.andWhere('c.owner_id = :ownerId', { ownerId: filters.ownerId });
    if (filters.branchId) query.andWhere('c.branch_id = :branchId', { branchId: filters.branchId });
    if (filters.clientId) query.andWhere('c.client_id = :clientId', { clientId: filters.clientId });
    if (filters.listId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM contact_list_members m WHERE m.organization_id = c.organization_id AND m.list_id = :listId AND m.contact_id = c.id)',
        {
          listId: filters.listId,
        },
      );
    }
    // A withdrawal or objection committed before this statement starts already excludes the contact.
    if (filters.consentPurposeKey) {
      query.andWhere(this.consent.validBasisCondition('c', 'consentPurposeKey'), {
        consentPurposeKey: filters.consentPurposeKey,
      });
    }
    // Restriction is read in the same statement, so a restriction committed before it starts is honoured.
    if (filters.excludeRestricted) query.andWhere('c.restricted_at IS NULL');
    return keysetPage(applyKeyset(query, 'c', sort, cursor, limit, filters.updatedSince), sort, limit);
  }

  /** Applies the patch only if the row is still at `version`; false when it is not (or absent). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<ContactValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.contacts(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  async delete(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    return ((await this.contacts(tx).delete({ organizationId, id })).affected ?? 0) === 1;
  }

  async setRestricted(organizationId: string, id: string, at: Date | null, tx?: Transaction): Promise<void> {
    await this.contacts(tx).update({ organizationId, id }, { restrictedAt: at });
  }

  /** Every contact of the organization with this email (blind index), for data-subject requests. */
  findByEmailIndex(organizationId: string, emailIndex: string): Promise<ContactEntity[]> {
    return this.contacts().findBy({ organizationId, emailIndex });
  }
}
