import { Injectable } from '@nestjs/common';
import { IsNull, MoreThanOrEqual } from 'typeorm';
import { insertEntity } from '../../database/insert-entity.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { ConsentPurposeEntity, ConsentPurposeWordingEntity } from './entities/consent-purpose.entity.js';

export type PurposeValues = Pick<ConsentPurposeEntity, 'key' | 'name' | 'channel' | 'marketing'>;

/** The organization's purposes and every wording version they were asked with. */
@Injectable()
export class ConsentPurposesRepository {
  constructor(private readonly transactions: TransactionService) {}

  private purposes(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ConsentPurposeEntity);
  }

  private wordings(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(ConsentPurposeWordingEntity);
  }

  async insert(organizationId: string, values: PurposeValues, wording: string, tx: Transaction) {
    const purpose = await insertEntity(this.purposes(tx), { ...values, organizationId, currentWordingVersion: 1 });
    await insertEntity(this.wordings(tx), { organizationId, purposeId: purpose.id, version: 1, text: wording });
    return purpose;
  }

  /** By name; with `updatedSince`, those changed at or after it (archived ones too), oldest change first. */
  list(organizationId: string, includeArchived: boolean, updatedSince?: Date): Promise<ConsentPurposeEntity[]> {
    if (updatedSince) {
      return this.purposes().find({
        where: { organizationId, updatedAt: MoreThanOrEqual(updatedSince) },
        order: { updatedAt: 'ASC', id: 'ASC' },
      });
    }
    return this.purposes().find({
      where: { organizationId, ...(includeArchived ? {} : { archivedAt: IsNull() }) },
      order: { name: 'ASC' },
    });
  }

  find(organizationId: string, id: string): Promise<ConsentPurposeEntity | null> {
    return this.purposes().findOneBy({ organizationId, id });
  }

  findByKey(organizationId: string, key: string): Promise<ConsentPurposeEntity | null> {
    return this.purposes().findOneBy({ organizationId, key });
  }

  wordingsOf(organizationId: string, purposeIds: string[]): Promise<ConsentPurposeWordingEntity[]> {
    if (purposeIds.length === 0) return Promise.resolve([]);
    return this.wordings()
      .createQueryBuilder('w')
      .where('w.organization_id = :organizationId AND w.purpose_id = ANY(:ids::uuid[])', {
        organizationId,
        ids: purposeIds,
      })
      .orderBy('w.version', 'ASC')
      .getMany();
  }

  findWording(organizationId: string, purposeId: string, version: number) {
    return this.wordings().findOneBy({ organizationId, purposeId, version });
  }

  findWordingsByIds(organizationId: string, ids: string[]): Promise<ConsentPurposeWordingEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.wordings()
      .createQueryBuilder('w')
      .where('w.organization_id = :organizationId AND w.id = ANY(:ids::uuid[])', { organizationId, ids })
      .getMany();
  }

  /** Applies the patch if the row is still at `version`; a new wording becomes the next version. */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<PurposeValues> & { archivedAt?: Date },
    newWording: string | undefined,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.purposes(tx).update(
      { organizationId, id, version },
      {
        ...patch,
        ...(newWording ? { currentWordingVersion: () => 'current_wording_version + 1' } : {}),
        version: () => 'version + 1',
      },
    );
    if ((result.affected ?? 0) !== 1) return false;
    if (newWording) {
      const purpose = await this.purposes(tx).findOneByOrFail({ organizationId, id });
      await insertEntity(this.wordings(tx), {
        organizationId,
        purposeId: id,
        version: purpose.currentWordingVersion,
        text: newWording,
      });
    }
    return true;
  }
}
