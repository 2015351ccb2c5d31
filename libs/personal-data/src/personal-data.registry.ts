import type {
  DataCategory,
  DataSubject,
  ErasureMode,
  ExportRecord,
  PersonalDataProvider,
  SubjectKind,
} from './personal-data.types.js';

export class DuplicateCategoryError extends Error {
  constructor(category: string) {
    super(`Personal-data category '${category}' is registered twice`);
    this.name = 'DuplicateCategoryError';
  }
}

export interface SubjectExport {
  category: string;
  records: ExportRecord[];
}

/**
 * The one list of where personal data lives. Contexts register their providers at
 * start-up; everything that must cover "all personal data" walks this registry.
 */
export class PersonalDataRegistry {
  private readonly providers = new Map<string, PersonalDataProvider>();

  register(provider: PersonalDataProvider): void {
    if (this.providers.has(provider.category)) throw new DuplicateCategoryError(provider.category);
    if (provider.describe().category !== provider.category) {
      throw new Error(`Provider '${provider.category}' describes itself as '${provider.describe().category}'`);
    }
    this.providers.set(provider.category, provider);
  }

  list(): PersonalDataProvider[] {
    return [...this.providers.values()].sort((a, b) => a.category.localeCompare(b.category));
  }

  /** The record of processing (GDPR Art. 30) and the policy page read this. */
  describeAll(): DataCategory[] {
    return this.list().map((provider) => provider.describe());
  }

  forSubject(subject: DataSubject): PersonalDataProvider[] {
    return this.list().filter((provider) => provider.describe().subjectKinds.includes(subject.kind));
  }

  async locateAll(subject: DataSubject): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const provider of this.forSubject(subject)) counts[provider.category] = await provider.locate(subject);
    return counts;
  }

  /** The organization whose subject of this kind has this id (its own record still exists), or null. */
  async organizationOf(kind: SubjectKind, id: string): Promise<string | null> {
    for (const provider of this.list()) {
      if (!provider.organizationOf || !provider.describe().subjectKinds.includes(kind)) continue;
      const organizationId = await provider.organizationOf(kind, id);
      if (organizationId) return organizationId;
    }
    return null;
  }

  async *exportAll(subject: DataSubject): AsyncIterable<SubjectExport> {
    for (const provider of this.forSubject(subject)) {
      const records: ExportRecord[] = [];
      for await (const record of provider.export(subject)) records.push(record);
      yield { category: provider.category, records };
    }
  }

  /**
   * The order and mode in which a subject is erased: records that hang off the subject
   * first (lower erasureOrder), its own record last; categories under legal hold are
   * de-identified, never deleted. The erasure pipeline walks this, one category at a time.
   */
  erasurePlan(subject: DataSubject): Array<{ provider: PersonalDataProvider; mode: ErasureMode }> {
    return this.forSubject(subject)
      .sort((a, b) => (a.erasureOrder ?? 50) - (b.erasureOrder ?? 50) || a.category.localeCompare(b.category))
      .map((provider) => ({ provider, mode: provider.describe().legalHold ? 'deidentify' : 'delete' }));
  }

  /** Every category of the subject, in `tx` when given (one transaction: all or none). */
  async restrictAll(subject: DataSubject, on: boolean, tx?: unknown): Promise<void> {
    for (const provider of this.forSubject(subject)) await provider.restrict(subject, on, tx);
  }
}
