import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { deleteBatch } from '../../database/batch-delete.js';
import { insertEntity } from '../../database/insert-entity.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { PolicyAcceptanceEntity } from './entities/policy-acceptance.entity.js';
import { type PolicyDocument, PolicyVersionEntity } from './entities/policy-version.entity.js';
import { PrivacyContactEntity } from './entities/privacy-contact.entity.js';
import { SubProcessorEntity } from './entities/sub-processor.entity.js';

/** The platform's rows have no organization: `null` selects them. */
const owner = (organizationId: string | null) => (organizationId === null ? IsNull() : organizationId);

export type NewPolicyVersion = Pick<
  PolicyVersionEntity,
  | 'organizationId'
  | 'document'
  | 'number'
  | 'status'
  | 'sections'
  | 'facts'
  | 'factsHash'
  | 'contentHash'
  | 'cookieRevision'
>;

export type ProcessorValues = Pick<
  SubProcessorEntity,
  'name' | 'purpose' | 'dataCategories' | 'location' | 'safeguard' | 'dpaDate'
>;

export type ContactValues = Omit<PrivacyContactEntity, 'id' | 'organizationId' | 'createdAt' | 'updatedAt' | 'version'>;

/** The only code that touches the policy tables. */
@Injectable()
export class PoliciesRepository {
  constructor(private readonly transactions: TransactionService) {}

  private versions(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(PolicyVersionEntity);
  }

  private acceptances(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(PolicyAcceptanceEntity);
  }

  private processors(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(SubProcessorEntity);
  }

  private contacts(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(PrivacyContactEntity);
  }

  // Versions

  findByStatus(
    document: PolicyDocument,
    organizationId: string | null,
    status: 'draft' | 'published',
    tx?: Transaction,
  ): Promise<PolicyVersionEntity | null> {
    return this.versions(tx).findOne({
      where: { document, organizationId: owner(organizationId), status },
      lock: tx ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  /** Published and retired versions, newest first: the version history. */
  listPublished(document: PolicyDocument, organizationId: string | null): Promise<PolicyVersionEntity[]> {
    return this.versions().find({
      where: { document, organizationId: owner(organizationId), status: In(['published', 'retired']) },
      order: { number: 'DESC' },
    });
  }

  findPublishedNumber(
    document: PolicyDocument,
    organizationId: string | null,
    number: number,
  ): Promise<PolicyVersionEntity | null> {
    return this.versions().findOne({
      where: { document, organizationId: owner(organizationId), number, status: In(['published', 'retired']) },
    });
  }

  async nextNumber(document: PolicyDocument, organizationId: string | null, tx: Transaction): Promise<number> {
    const latest = await this.versions(tx).findOne({
      where: { document, organizationId: owner(organizationId) },
      order: { number: 'DESC' },
    });
    return (latest?.number ?? 0) + 1;
  }

  /** Inserts a version unless its document already has one in that status (a concurrent writer won). */
  async insertVersion(values: NewPolicyVersion, tx: Transaction): Promise<PolicyVersionEntity | null> {
    const result = await this.versions(tx)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore()
      .returning('*')
      .execute();
    if (result.identifiers.length === 0 || !result.identifiers[0]) return null;
    return this.versions(tx).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async updateDraft(
    id: string,
    expectedVersion: number,
    values: Partial<Pick<PolicyVersionEntity, 'sections' | 'facts' | 'factsHash' | 'contentHash' | 'cookieRevision'>>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.versions(tx)
      .createQueryBuilder()
      .update()
      .set({ ...values, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion AND status = :status', { id, expectedVersion, status: 'draft' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async deleteDraft(id: string, tx: Transaction): Promise<void> {
    await this.versions(tx).delete({ id, status: 'draft' });
  }

  async publish(
    draft: PolicyVersionEntity,
    values: Pick<PolicyVersionEntity, 'publishedAt' | 'publishedBy' | 'effectiveDate' | 'changeNote'>,
    tx: Transaction,
  ): Promise<PolicyVersionEntity> {
    await this.versions(tx).update(
      { document: draft.document, organizationId: owner(draft.organizationId), status: 'published' },
      { status: 'retired' },
    );
    await this.versions(tx).update({ id: draft.id }, { ...values, status: 'published' });
    return this.versions(tx).findOneByOrFail({ id: draft.id });
  }

  // Acceptances of the platform policy

  async highestAccepted(organizationId: string, userId: string): Promise<number> {
    const row = await this.acceptances().findOne({ where: { organizationId, userId }, order: { number: 'DESC' } });
    return row?.number ?? 0;
  }

  async insertAcceptance(
    values: Pick<PolicyAcceptanceEntity, 'organizationId' | 'userId' | 'policyVersionId' | 'number' | 'acceptedAt'>,
  ): Promise<void> {
    await this.acceptances().createQueryBuilder().insert().values(values).orIgnore().execute();
  }

  listAcceptances(organizationId: string, userId: string): Promise<PolicyAcceptanceEntity[]> {
    return this.acceptances().find({ where: { organizationId, userId }, order: { number: 'ASC' } });
  }

  async deleteAcceptances(organizationId: string, userId: string, limit: number, tx: Transaction): Promise<number> {
    return deleteBatch(
      tx,
      'policy_acceptances',
      'organization_id = $1 AND user_id = $2',
      [organizationId, userId],
      limit,
    );
  }

  // Processors

  listProcessors(organizationId: string | null): Promise<SubProcessorEntity[]> {
    return this.processors().find({ where: { organizationId: owner(organizationId) }, order: { name: 'ASC' } });
  }

  findProcessor(organizationId: string | null, id: string, tx?: Transaction): Promise<SubProcessorEntity | null> {
    return this.processors(tx).findOne({ where: { id, organizationId: owner(organizationId) } });
  }

  insertProcessor(
    organizationId: string | null,
    values: ProcessorValues,
    tx: Transaction,
  ): Promise<SubProcessorEntity> {
    return insertEntity(this.processors(tx), { organizationId, ...values });
  }

  async updateProcessor(
    organizationId: string | null,
    id: string,
    expectedVersion: number,
    values: Partial<ProcessorValues>,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.processors(tx)
      .createQueryBuilder()
      .update()
      .set({ ...values, version: () => 'version + 1' })
      .where({ id, organizationId: owner(organizationId), version: expectedVersion })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async deleteProcessor(organizationId: string | null, id: string, tx: Transaction): Promise<boolean> {
    const result = await this.processors(tx).delete({ id, organizationId: owner(organizationId) });
    return (result.affected ?? 0) > 0;
  }

  // Contact

  findContact(organizationId: string | null): Promise<PrivacyContactEntity | null> {
    return this.contacts().findOne({ where: { organizationId: owner(organizationId) } });
  }

  async saveContact(organizationId: string | null, values: ContactValues, tx: Transaction): Promise<void> {
    const existing = await this.contacts(tx).findOne({ where: { organizationId: owner(organizationId) } });
    if (existing) await this.contacts(tx).update({ id: existing.id }, values);
    else await insertEntity(this.contacts(tx), { organizationId, ...values });
  }
}
