import { Injectable } from '@nestjs/common';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { DataExportEntity, type DataExportSubjectKind } from './entities/data-export.entity.js';

export type NewDataExport = Pick<
  DataExportEntity,
  'organizationId' | 'id' | 'subjectKind' | 'subjectId' | 'requestedBy' | 'wrappedKey' | 'linkTokenHash' | 'requestedAt'
>;

export interface ReadyFile {
  filePath: string;
  sizeBytes: number;
  sha256: string;
  readyAt: Date;
  expiresAt: Date;
}

/** Access exports: the build's memory across retries and crashes, and the link's state. */
@Injectable()
export class DataExportRepository {
  constructor(private readonly transactions: TransactionService) {}

  private exports(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(DataExportEntity);
  }

  async insert(values: NewDataExport, tx: Transaction): Promise<void> {
    await this.exports(tx).insert({ ...values, status: 'queued', categoriesDone: 0, categoriesTotal: 0 });
  }

  find(organizationId: string, id: string): Promise<DataExportEntity | null> {
    return this.exports().findOneBy({ organizationId, id });
  }

  /** For the emailed link, which names no organization: the token decides, not the caller. */
  findById(id: string): Promise<DataExportEntity | null> {
    return this.exports().findOneBy({ id });
  }

  listForSubject(
    organizationId: string,
    subjectKind: DataExportSubjectKind,
    subjectId: string,
    limit: number,
  ): Promise<DataExportEntity[]> {
    return this.exports().find({
      where: { organizationId, subjectKind, subjectId },
      order: { requestedAt: 'DESC' },
      take: limit,
    });
  }

  /** queued → building (or a retry of building): the count of categories to write. */
  async markBuilding(organizationId: string, id: string, total: number): Promise<void> {
    await this.exports()
      .createQueryBuilder()
      .update()
      .set({ status: 'building', categoriesTotal: total })
      .where('organization_id = :organizationId AND id = :id AND status IN (:...statuses)', {
        organizationId,
        id,
        statuses: ['queued', 'building'],
      })
      .execute();
  }

  async saveProgress(organizationId: string, id: string, done: number): Promise<void> {
    await this.exports()
      .createQueryBuilder()
      .update()
      .set({ categoriesDone: done })
      .where("organization_id = :organizationId AND id = :id AND status = 'building'", { organizationId, id })
      .execute();
  }

  /** building → ready, once: false when another attempt already finished it. */
  async markReady(organizationId: string, id: string, file: ReadyFile, tx: Transaction): Promise<boolean> {
    const result = await this.exports(tx)
      .createQueryBuilder()
      .update()
      .set({ status: 'ready', categoriesDone: () => 'categories_total', ...file })
      .where("organization_id = :organizationId AND id = :id AND status = 'building'", { organizationId, id })
      .execute();
    return result.affected === 1;
  }

  async markFailed(organizationId: string, id: string, tx: Transaction): Promise<boolean> {
    const result = await this.exports(tx)
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', wrappedKey: null, linkTokenHash: null })
      .where('organization_id = :organizationId AND id = :id AND status IN (:...statuses)', {
        organizationId,
        id,
        statuses: ['queued', 'building'],
      })
      .execute();
    return result.affected === 1;
  }

  async markDownloaded(organizationId: string, id: string, at: Date): Promise<void> {
    await this.exports()
      .createQueryBuilder()
      .update()
      .set({ downloadedAt: at })
      .where('organization_id = :organizationId AND id = :id AND downloaded_at IS NULL', { organizationId, id })
      .execute();
  }

  /** Ready exports whose link has expired, oldest first, across organizations (the purge tick). */
  listExpired(now: Date, limit: number): Promise<DataExportEntity[]> {
    return this.exports()
      .createQueryBuilder('e')
      .where("e.status = 'ready' AND e.expires_at <= :now", { now })
      .orderBy('e.expires_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** ready → expired, the key and token forgotten with the file: false when already done. */
  markExpired(organizationId: string, id: string, at: Date, tx: Transaction): Promise<boolean> {
    return this.expire(organizationId, id, at, ['ready'], tx);
  }

  /** Exports of a subject that still hold, or will hold, a copy of their data. */
  listLiveForSubject(
    organizationId: string,
    subjectKind: DataExportSubjectKind,
    subjectId: string,
  ): Promise<DataExportEntity[]> {
    return this.exports()
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId AND e.subject_kind = :subjectKind AND e.subject_id = :subjectId', {
        organizationId,
        subjectKind,
        subjectId,
      })
      .andWhere("e.status IN ('queued', 'building', 'ready')")
      .getMany();
  }

  /** Any live state → expired (the subject was erased): a build in flight then never turns ready. */
  discard(organizationId: string, id: string, at: Date, tx: Transaction): Promise<boolean> {
    return this.expire(organizationId, id, at, ['queued', 'building', 'ready'], tx);
  }

  private async expire(
    organizationId: string,
    id: string,
    at: Date,
    from: DataExportEntity['status'][],
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.exports(tx)
      .createQueryBuilder()
      .update()
      .set({ status: 'expired', purgedAt: at, wrappedKey: null, linkTokenHash: null, filePath: null })
      .where('organization_id = :organizationId AND id = :id AND status IN (:...from)', { organizationId, id, from })
      .execute();
    return result.affected === 1;
  }
}
