import { strFromU8, unzipSync } from 'fflate';
import type { DataCategory } from '#personal-data';
import { buildArchive, isTabular } from './export-archive.js';

const describeCategory = (category: string): DataCategory => ({
  category,
  subjectKinds: ['contact'],
  description: `${category} rows`,
  fields: [{ name: 'body', description: 'what was said', encrypted: true }],
  purposes: ['testing'],
  lawfulBasis: 'contract',
  retention: { setting: 'retention.test', description: 'while tested' },
  processors: [],
});

describe(buildArchive.name, () => {
  const generatedAt = new Date('2026-12-07T10:00:00.000Z');

  it('should write a manifest, JSON for every category and CSV only for tabular ones', () => {
    const { zip, manifest } = buildArchive({ exportId: 'e1', subject: { kind: 'contact', id: 'c1' }, generatedAt }, [
      {
        part: { category: 'crm.notes', records: [{ body: '=SUM(A1)', tags: ['a', 'b'], at: '2026-01-01' }] },
        describe: describeCategory('crm.notes'),
      },
      {
        part: { category: 'crm.prefs', records: [{ prefs: { theme: 'dark' } }] },
        describe: describeCategory('crm.prefs'),
      },
      { part: { category: 'crm.empty', records: [] }, describe: describeCategory('crm.empty') },
    ]);
    const files = unzipSync(new Uint8Array(zip));
    expect(Object.keys(files).sort()).toEqual([
      'crm.empty.json',
      'crm.notes.csv',
      'crm.notes.json',
      'crm.prefs.json',
      'manifest.json',
    ]);
    expect(JSON.parse(strFromU8(files['manifest.json']))).toEqual(manifest);
    expect(manifest).toMatchObject({
      exportId: 'e1',
      subject: { kind: 'contact', id: 'c1' },
      generatedAt: generatedAt.toISOString(),
      categories: [
        { category: 'crm.notes', count: 1, files: ['crm.notes.json', 'crm.notes.csv'] },
        { category: 'crm.prefs', count: 1, files: ['crm.prefs.json'] },
        { category: 'crm.empty', count: 0, files: ['crm.empty.json'] },
      ],
    });
    expect(manifest.categories[0].fields).toEqual([{ name: 'body', description: 'what was said' }]);
    // A formula is defused in the spreadsheet copy, kept as it was in the JSON.
    expect(strFromU8(files['crm.notes.csv']).split('\n')[1]).toBe("'=SUM(A1),a;b,2026-01-01");
    // A byte-order mark first, so a spreadsheet opens it as UTF-8.
    expect([...files['crm.notes.csv'].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(strFromU8(files['crm.notes.json']))[0].body).toBe('=SUM(A1)');
  });

  it('should call rows tabular only when every value is a scalar or a list of scalars', () => {
    expect(isTabular([{ a: 1, b: null, c: ['x'] }])).toBe(true);
    expect(isTabular([{ a: 1 }, { a: { nested: true } }])).toBe(false);
    expect(isTabular([])).toBe(false);
  });
});
