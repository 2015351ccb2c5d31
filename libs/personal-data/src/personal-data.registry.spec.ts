import { getFieldClassification, NotPersonal, PersonalField } from './classification.js';
import { DuplicateCategoryError, PersonalDataRegistry } from './personal-data.registry.js';
import type { DataCategory, DataSubject, ErasureMode, PersonalDataProvider } from './personal-data.types.js';

/** A provider over an in-memory list: the registry's behaviour, not a database, is under test. */
class ListProvider implements PersonalDataProvider {
  readonly erased: ErasureMode[] = [];
  restricted = false;
  constructor(
    readonly category: string,
    private readonly rows: { subjectId: string; value: string }[],
    private readonly extra: Partial<DataCategory> = {},
  ) {}
  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['contact'],
      description: 'test rows',
      fields: [{ name: 'value', description: 'a value', encrypted: true }],
      purposes: ['testing'],
      lawfulBasis: 'contract',
      retention: { setting: 'retention.test', description: 'while tested' },
      processors: [],
      ...this.extra,
    };
  }
  async locate(subject: DataSubject) {
    return this.rows.filter((row) => row.subjectId === subject.id).length;
  }
  async *export(subject: DataSubject) {
    for (const row of this.rows) if (row.subjectId === subject.id) yield { value: row.value };
  }
  async erase(subject: DataSubject, mode: ErasureMode) {
    this.erased.push(mode);
    return { mode, affected: await this.locate(subject), more: false };
  }
  async restrict(_subject: DataSubject, on: boolean) {
    this.restricted = on;
  }
}

describe(PersonalDataRegistry.name, () => {
  const ada: DataSubject = { kind: 'contact', id: 'ada', organizationId: 'org' };
  let sut: PersonalDataRegistry;
  let notes: ListProvider;
  let invoices: ListProvider;

  beforeEach(() => {
    sut = new PersonalDataRegistry();
    notes = new ListProvider('crm.notes', [
      { subjectId: 'ada', value: 'n1' },
      { subjectId: 'bob', value: 'n2' },
    ]);
    invoices = new ListProvider('crm.invoices', [{ subjectId: 'ada', value: 'i1' }], {
      legalHold: { reason: 'tax law', years: 7 },
    });
    sut.register(notes);
    sut.register(invoices);
  });

  it('should refuse a category registered twice', () => {
    expect(() => sut.register(new ListProvider('crm.notes', []))).toThrow(DuplicateCategoryError);
  });

  it('should locate and export a subject across every category and nobody else', async () => {
    expect(await sut.locateAll(ada)).toEqual({ 'crm.invoices': 1, 'crm.notes': 1 });
    const exported = [];
    for await (const part of sut.exportAll(ada)) exported.push(part);
    expect(exported).toEqual([
      { category: 'crm.invoices', records: [{ value: 'i1' }] },
      { category: 'crm.notes', records: [{ value: 'n1' }] },
    ]);
  });

  it('should de-identify categories under legal hold and delete the rest', () => {
    const plan = sut.erasurePlan(ada);
    expect(plan.map(({ provider, mode }) => [provider.category, mode])).toEqual([
      ['crm.invoices', 'deidentify'],
      ['crm.notes', 'delete'],
    ]);
  });

  it('should erase dependent records before the subject record, whatever their names', () => {
    const people = Object.assign(new ListProvider('crm.a-people', [{ subjectId: 'ada', value: 'p' }]), {
      erasureOrder: 90,
    });
    sut.register(people);
    const plan = sut.erasurePlan(ada);
    expect(plan.map(({ provider }) => provider.category)).toEqual(['crm.invoices', 'crm.notes', 'crm.a-people']);
  });

  it('should only involve providers that hold the subject kind', async () => {
    const user: DataSubject = { kind: 'user', id: 'ada', organizationId: 'org' };
    expect(await sut.locateAll(user)).toEqual({});
    await sut.restrictAll(ada, true);
    expect(notes.restricted && invoices.restricted).toBe(true);
  });
});

describe('field classification', () => {
  class Sample {
    @PersonalField('crm.notes', { encrypted: true }) body: Buffer;
    @NotPersonal('surrogate key') id: string;
    unclassified: string;
  }

  it('should record personal and non-personal decisions and leave others undecided', () => {
    expect(getFieldClassification(Sample, 'body')).toEqual({ personal: true, category: 'crm.notes', encrypted: true });
    expect(getFieldClassification(Sample, 'id')).toEqual({ personal: false, reason: 'surrogate key' });
    expect(getFieldClassification(Sample, 'unclassified')).toBeUndefined();
  });
});
