import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type StoredSubjectKey, SubjectKeyStore } from '#crypto';
import { hydrator } from '../database/lean-rows.js';
import { SubjectKeyEntity } from './entities/subject-key.entity.js';
import { type JournalEntry, journalParams, REAPPLY_JOURNAL_SQL } from './key-journal.js';

const INSERT_IF_ABSENT =
  'INSERT INTO "subject_keys" AS "SubjectKeyEntity"("subject_id", "wrapped_key", "master_key_fingerprint", "created_at", "destroyed_at") ' +
  'VALUES ($1, $2, $3, DEFAULT, $4) ON CONFLICT DO NOTHING  RETURNING "created_at"';

@Injectable()
export class SubjectKeyRepository extends SubjectKeyStore {
  /** `SELECT <the entity's columns> FROM "subject_keys" "SubjectKeyEntity"`, as TypeORM writes it. */
  private selectKeys?: string;

  constructor(@InjectRepository(SubjectKeyEntity) private readonly keys: Repository<SubjectKeyEntity>) {
    super();
  }

  async find(subjectId: string): Promise<StoredSubjectKey | null> {
    return this.keys.findOneBy({ subjectId });
  }

  /**
   * Every page and every record read asks for its keys: the text `findBy` builds (one
   * placeholder per id), its select list taken once from TypeORM, and the rows hydrated
   * without its generic transformer (database/lean-rows.ts).
   */
  async findMany(subjectIds: string[]): Promise<StoredSubjectKey[]> {
    if (subjectIds.length === 0) return [];
    this.selectKeys ??= this.keys.createQueryBuilder('SubjectKeyEntity').getQuery();
    const placeholders = subjectIds.map((_, index) => `$${index + 1}`).join(', ');
    const rows: Array<Record<string, unknown>> = await this.keys.query(
      `${this.selectKeys} WHERE (("SubjectKeyEntity"."subject_id" IN (${placeholders})))`,
      subjectIds,
    );
    return rows.map(hydrator<SubjectKeyEntity>(this.keys.metadata, 'SubjectKeyEntity'));
  }

  async insertIfAbsent(key: StoredSubjectKey): Promise<StoredSubjectKey> {
    // Two requests may mint a key for the same new subject at once: the first one wins.
    // RETURNING gives a row only to the insert that stored its key; the other reads the winner's.
    // The text `insert().values(key).orIgnore()` builds, written out once: every new subject sends it.
    const inserted: unknown[] = await this.keys.query(INSERT_IF_ABSENT, [
      key.subjectId,
      key.wrappedKey,
      key.masterKeyFingerprint,
      key.destroyedAt ?? null,
    ]);
    if (inserted.length === 1) return key;
    return (await this.find(key.subjectId)) as StoredSubjectKey;
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    await this.keys.update({ subjectId }, { wrappedKey: null, destroyedAt: at });
  }

  /** Re-applies journal entries: overwrites the listed keys still wrapped; answers how many. */
  async destroyListed(batch: JournalEntry[]): Promise<number> {
    const [, affected] = await this.keys.query(REAPPLY_JOURNAL_SQL, journalParams(batch));
    return Number(affected ?? 0);
  }
}
