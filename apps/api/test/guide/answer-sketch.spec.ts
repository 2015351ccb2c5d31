import { mismatches, parseExpectation } from './answer-sketch.js';
import { readBlocks, unfencedCommands } from './guide-markdown.js';

const check = (shown: string, actual: unknown) => {
  const { body } = parseExpectation(shown);
  if (!body) throw new Error('no body shown');
  return mismatches(body, actual);
};

describe('answer sketches of the API guide', () => {
  it('should read a status, a body and ignore the prose after them', () => {
    expect(parseExpectation('204')).toEqual({ status: 204 });
    expect(parseExpectation('202 { "accepted": 1 }, or 403 when refused')).toEqual({
      status: 202,
      body: { kind: 'object', open: false, entries: [['accepted', { kind: 'literal', value: 1 }]] },
    });
    expect(parseExpectation('{ "a": … }').status).toBeUndefined();
  });

  it('should match equal values and wildcards', () => {
    expect(
      check('{ "id": "…", "kind": "company", "n": 2, "ok": true, "none": null, "any": … }', {
        id: 'x',
        kind: 'company',
        n: 2,
        ok: true,
        none: null,
        any: [1],
      }),
    ).toEqual([]);
    expect(
      check('{ "key": "stw_…", "url": "http…/download?token=…" }', {
        key: 'stw_abc',
        url: 'http://h/api/download?token=t',
      }),
    ).toEqual([]);
  });

  it('should let UUIDs and timestamps stand for any UUID or timestamp, but nothing else', () => {
    const shown = '{ "id": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10", "at": "2026-12-07T10:15:02.000Z" }';
    expect(check(shown, { id: '83f2721c-0603-4185-8f62-574bc5abfded', at: '2027-01-01T00:00:00Z' })).toEqual([]);
    expect(check(shown, { id: 'abc', at: 'yesterday' })).toHaveLength(2);
  });

  it('should refuse other values, missing keys and keys the guide does not show', () => {
    expect(check('{ "kind": "company", "n": 2 }', { kind: 'person', extra: 1 })).toEqual([
      '$.kind: expected "company", got "person"',
      '$.n: missing',
      '$: not shown in the guide: extra (add them, or "…")',
    ]);
    expect(check('{ "kind": "company", … }', { kind: 'company', extra: 1 })).toEqual([]);
    expect(check('{ "s": "stw_…" }', { s: 'whsec_1' })).toHaveLength(1);
  });

  it('should hold arrays to their items, with … admitting more', () => {
    expect(check('[1, 2]', [1, 2])).toEqual([]);
    expect(check('[1, 2]', [1, 2, 3])).toEqual(['$: expected 2 items, got 3: [1,2,3]']);
    expect(check('[1, …]', [1, 2, 3])).toEqual([]);
    expect(check('[1, …]', [])).toHaveLength(1);
    expect(check('[{ "a": 1, … }]', [{ a: 2, b: 1 }])).toEqual(['$[0].a: expected 1, got 2']);
  });

  it('should refuse a sketch it cannot read', () => {
    expect(() => parseExpectation('{ "choice": { … } | null }')).toThrow();
  });
});

describe('code blocks of the API guide', () => {
  const guide = [
    '# Guide',
    '## Section',
    '```bash',
    'curl -s "$STEWARD_URL/api/v1/health"',
    '```',
    '```bash no-run: the code comes from an app',
    'curl -s x',
    '```',
    '```json',
    '{ "a": 1 }',
    '```',
    '',
    '    curl -s "$STEWARD_URL/indented"',
  ].join('\n');

  it('should find the blocks with their headings and no-run reasons', () => {
    const blocks = readBlocks(guide);
    expect(blocks.map(({ headings, line, language, noRun }) => ({ headings, line, language, noRun }))).toEqual([
      { headings: ['Guide', 'Section'], line: 3, language: 'bash', noRun: undefined },
      { headings: ['Guide', 'Section'], line: 6, language: 'bash', noRun: 'the code comes from an app' },
      { headings: ['Guide', 'Section'], line: 9, language: 'data', noRun: undefined },
    ]);
  });

  it('should refuse a no-run block without a reason, and commands outside runnable blocks', () => {
    expect(() => readBlocks('```bash no-run\ncurl x\n```')).toThrow(/must say why/);
    expect(unfencedCommands(guide, readBlocks(guide))).toEqual(['line 13: an indented code block runs curl']);
    const data = '```text\ncurl -s x\n```';
    expect(unfencedCommands(data, readBlocks(data))).toEqual(['line 1: a ```text block runs curl']);
  });
});
