import { CONTACT_CSV, parseCsv } from '#csv';
import { CHUNK_ROWS, chunkCsv } from '../src/pages/crm/contact-csv-file.js';

/** A file of `count` people with empty rows here and there, a quoted line break and a formula-like value. */
function fileWithGaps(count: number): string {
  const lines = ['Name;E-mail;Notes;Branch'];
  for (let index = 1; index <= count; index++) {
    if (index % 97 === 0) lines.push(';;;'); // an empty row, as Excel writes one
    if (index % 150 === 0) lines.push('');
    const notes = index % 50 === 0 ? '"two\nlines"' : index % 70 === 0 ? "'=1+1" : '';
    lines.push(`Person ${index};person${index}@example.test;${notes};Leeds`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The browser sends a parsed file in chunks of its own CSV; the API reads each chunk with
 * the same parser. Every row must come out with the file's row number and its values, in
 * whichever chunk it falls.
 */
describe('the import chunks', () => {
  it('should give the API every row with the row number and values the file gave the browser', () => {
    const whole = parseCsv(fileWithGaps(450), CONTACT_CSV);
    if (!whole.ok) throw new Error(whole.error.message);
    expect(whole.rows).toHaveLength(450);
    expect(whole.rows.at(-1)?.row).toBeGreaterThan(451); // the empty rows count

    const seen = [];
    for (let start = 0; start < whole.rows.length; start += CHUNK_ROWS) {
      const { csv, firstRow } = chunkCsv(whole.rows.slice(start, start + CHUNK_ROWS), null);
      const chunk = parseCsv(csv, CONTACT_CSV);
      if (!chunk.ok) throw new Error(chunk.error.message);
      expect(chunk.refused).toEqual([]);
      // As the API does: the chunk's header stands at `firstRow`.
      seen.push(...chunk.rows.map(({ row, values }) => ({ row: row + firstRow - 1, values })));
    }
    expect(seen).toEqual(whole.rows);
    expect(whole.rows.find((row) => row.values.fullName === 'Person 70')?.values.notes).toBe('=1+1');
  });

  it('should give rows without a branch or a client the branch chosen for them, and no others', () => {
    const file = parseCsv('fullName,branch,client\nA,,\nB,York,\nC,,Acme\n', CONTACT_CSV);
    if (!file.ok) throw new Error(file.error.message);
    const { csv } = chunkCsv(file.rows, 'branch-id');
    const sent = parseCsv(csv, CONTACT_CSV);
    expect(sent.ok && sent.rows.map((row) => row.values.branch)).toEqual(['branch-id', 'York', undefined]);
  });
});
