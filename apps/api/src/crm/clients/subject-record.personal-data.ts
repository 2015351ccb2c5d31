import type {
  DataCategory,
  DataSubject,
  ErasureContext,
  ErasureMode,
  ErasureStep,
  ExportRecord,
  PersonalDataProvider,
  SubjectKind,
} from '#personal-data';
import type { Transaction } from '../../database/transaction.service.js';

/** What the base needs of a subject's own table (clients, contacts). */
export interface SubjectRecords<Entity> {
  find(organizationId: string, id: string): Promise<Entity | null>;
  organizationOf(id: string): Promise<string | null>;
  delete(organizationId: string, id: string, tx: Transaction): Promise<boolean>;
  setRestricted(organizationId: string, id: string, at: Date | null, tx?: Transaction): Promise<void>;
}

/** The record as its owner sees it (decrypted), from the context's service. */
export interface SubjectViews<Entity> {
  toView(entity: Entity): Promise<{ id: string; version: number; restricted: boolean }>;
}

/**
 * A subject's own record (a client who is a person, a contact): the same five answers for
 * both, with the table, the view and the description as the only differences. The record
 * goes last in an erasure (its jobs, communications and invoices first); the pipeline then
 * destroys the subject's key, so copies of the record in backups become unreadable too.
 */
export abstract class SubjectRecordPersonalData<Entity> implements PersonalDataProvider<Transaction> {
  abstract readonly category: string;
  readonly erasureOrder = 90;

  protected constructor(
    private readonly records: SubjectRecords<Entity>,
    private readonly views: SubjectViews<Entity>,
    private readonly now: () => Date,
  ) {}

  abstract describe(): DataCategory;

  async locate(subject: DataSubject): Promise<number> {
    return (await this.records.find(subject.organizationId, subject.id)) ? 1 : 0;
  }

  organizationOf(_kind: SubjectKind, id: string): Promise<string | null> {
    return this.records.organizationOf(id);
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    const record = await this.records.find(subject.organizationId, subject.id);
    if (!record) return;
    const { id, version, restricted, ...view } = await this.views.toView(record);
    yield { ...view, restrictedProcessing: restricted };
  }

  /** One record: deleted in either mode (nothing of it is kept by law). */
  async erase(subject: DataSubject, _mode: ErasureMode, { tx }: ErasureContext<Transaction>): Promise<ErasureStep> {
    const deleted = await this.records.delete(subject.organizationId, subject.id, tx);
    return { mode: 'delete', affected: deleted ? 1 : 0, more: false };
  }

  async restrict(subject: DataSubject, on: boolean, tx?: Transaction): Promise<void> {
    await this.records.setRestricted(subject.organizationId, subject.id, on ? this.now() : null, tx);
  }
}
