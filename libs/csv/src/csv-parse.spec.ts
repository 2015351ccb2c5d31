import { readFileSync } from 'node:fs';
import { CONTACT_CSV } from './contact-csv.js';
import { csvCell, guardCell, unguardCell } from './csv-cells.js';
import { detectDelimiter, parseCsv, toCsvText } from './csv-parse.js';
import { CsvProblems, csvSentence } from './csv-problems.js';

/** A fixture as the browser's File.text() and the API's body parser both decode it: UTF-8, bad bytes as U+FFFD. */
const fixture = (name: string) =>
  new TextDecoder('utf-8').decode(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url)));

const read = (text: string) => {
  const parsed = parseCsv(text, CONTACT_CSV);
  if (!parsed.ok) throw new Error(`refused: ${parsed.error.message}`);
  return parsed;
};

describe('parseCsv', () => {
  it('should read an Excel file saved with semicolons, a byte-order mark and CRLF', () => {
    const file = read(fixture('excel-semicolon.csv'));
    expect(file.delimiter).toBe(';');
    expect(file.headers[0]).toBe('Name');
    expect(file.columns).toEqual(['fullName', 'email', 'phone', 'branch', 'tags', 'notes', 'postcode']);
    expect(file.unknownColumns).toEqual([]);
    // Rows 4 and 5 are empty: skipped, but counted, as a spreadsheet numbers them.
    expect(file.rows.map((row) => row.row)).toEqual([2, 3, 6, 7, 8, 9]);
    expect(file.received).toBe(6);
    expect(file.rows[0].values).toEqual({
      fullName: 'Ada Semicolon',
      email: 'ada@fixture.example',
      phone: '+44 113 496 0001',
      branch: 'Leeds',
      tags: 'vip;newsletter',
      notes: '=SUM(1;2)',
      postcode: 'LS1 1AA',
    });
    expect(file.rows[1].values).toEqual({
      fullName: 'Bob Spaces',
      email: 'BOB@FIXTURE.EXAMPLE',
      branch: 'leeds',
      notes: 'Prefers mornings.\r\nRing the bell twice; wait.',
    });
    expect(file.rows[5].values.fullName).toBe('Émile Accent');
  });

  it('should match headers by key and alias, read the first of a column named twice, and refuse a row with extra values', () => {
    const file = read(fixture('tab-separated.csv'));
    expect(file.delimiter).toBe('\t');
    expect(file.columns).toEqual(['fullName', 'email', 'client', 'jobTitle', null, null]);
    expect(file.unknownColumns).toEqual(['Shoe size', 'full_name']);
    expect(file.rows.map((row) => row.row)).toEqual([2, 3, 4, 6, 7]);
    expect(file.rows[0].values).toEqual({
      fullName: 'Fay Tab',
      email: 'fay@fixture.example',
      client: 'Riverside Plumbing',
      jobTitle: 'Plumber',
    });
    expect(file.rows[3].values).toEqual({ email: 'kit@fixture.example', client: 'Riverside Plumbing' });
    expect(file.refused).toEqual([
      {
        row: 5,
        field: 'row',
        message:
          'This row has 7 values but the first row names 6 columns: a value with a tab in it needs double quotes around it.',
      },
    ]);
    expect(file.received).toBe(6);
  });

  it('should refuse text that is not UTF-8, naming the row', () => {
    expect(parseCsv(fixture('latin1.csv'), CONTACT_CSV)).toEqual({
      ok: false,
      error: {
        row: 3,
        field: 'file',
        message:
          'Row 3 has characters that are not UTF-8 text. Save the file as “CSV UTF-8” (in Excel: Save As, CSV UTF-8) and choose it again.',
      },
    });
  });

  it('should refuse a quote that is never closed, at the row that opens it', () => {
    const parsed = parseCsv(fixture('unclosed-quote.csv'), CONTACT_CSV);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toEqual({
      row: 3,
      field: 'file',
      message:
        'Row 3 opens a quoted value that is never closed, so the rest of the file cannot be read. Check the quotes in that row: a quote inside a value is written twice ("").',
    });
    const trailing = parseCsv('name,notes\nAl,"quoted"then text\n', CONTACT_CSV);
    expect(!trailing.ok && trailing.error.message).toMatch(/^Row 2 has text after the closing quote of a value\./);
  });

  it('should refuse a file without its required column, and an empty one', () => {
    const parsed = parseCsv(fixture('no-name-column.csv'), CONTACT_CSV);
    expect(!parsed.ok && parsed.error).toEqual({
      row: 1,
      field: 'file',
      message: 'Row 1 must name the columns, and one of them must be fullName (or name).',
    });
    const empty = parseCsv('\uFEFF\r\n,,\r\n', CONTACT_CSV);
    expect(!empty.ok && empty.error).toEqual({
      row: 1,
      field: 'file',
      message: 'The file is empty: its first row must name the columns.',
    });
  });

  it('should keep quoted delimiters and doubled quotes, and read a lone quote inside an unquoted value as text', () => {
    const file = read('fullName,notes\n"Smith, Jo","She said ""hi"""\nPipe Fitter,a 5" pipe\n');
    expect(file.rows.map((row) => row.values)).toEqual([
      { fullName: 'Smith, Jo', notes: 'She said "hi"' },
      { fullName: 'Pipe Fitter', notes: 'a 5" pipe' },
    ]);
  });

  it('should number rows after blank lines before the header as the file does', () => {
    const file = read('\n\nfullName\nAl\n');
    expect(file.rows).toEqual([{ row: 4, values: { fullName: 'Al' } }]);
  });
});

describe('detectDelimiter', () => {
  it('should take the delimiter the header uses most, outside quotes, comma on a tie', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(detectDelimiter('\n\na\tb\n')).toBe('\t');
    expect(detectDelimiter('name\n')).toBe(',');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
  });
});

describe('cells', () => {
  it('should guard formulas so that unguarding gives the value back, whatever it is', () => {
    for (const value of ['=1+1', '+44 113', '-5', '@home', "'=x", "''+1", 'plain', "it's", '']) {
      expect(unguardCell(guardCell(value))).toBe(value);
    }
    expect(guardCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(guardCell('plain')).toBe('plain');
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell(['a', 'b'])).toBe('a;b');
    expect(csvCell(null)).toBe('');
  });

  it('should write rows that read back as the same values', () => {
    const rows = [
      ['Smith, Jo', '=2+2', 'two\nlines'],
      ['', "'+1", 'x'],
    ];
    const file = read(toCsvText(['fullName', 'notes', 'city'], rows));
    expect(file.rows.map((row) => row.values)).toEqual([
      { fullName: 'Smith, Jo', notes: '=2+2', city: 'two\nlines' },
      { notes: "'+1", city: 'x' },
    ]);
  });
});

describe('CsvProblems', () => {
  it('should say each row and column once, as sentences, in row and column order', () => {
    const problems = new CsvProblems(['fullName', 'email']);
    problems.add(4, 'email', csvSentence('email must be an email address', 'email', 'Email'));
    problems.add(2, 'email', csvSentence('email must be an email address', 'email', 'Email'));
    problems.add(2, 'fullName', csvSentence('fullName must be 1 to 200 characters', 'fullName', 'Full name'));
    problems.add(2, 'fullName', csvSentence('fullName should not be empty', 'fullName', 'Full name'));
    problems.add(2, 'fullName', csvSentence('fullName must be 1 to 200 characters', 'fullName', 'Full name'));
    problems.add(2, 'row', 'This row is odd.');
    expect(problems.list()).toEqual([
      { row: 2, field: 'row', message: 'This row is odd.' },
      {
        row: 2,
        field: 'fullName',
        message: 'Full name must be 1 to 200 characters. Full name should not be empty.',
      },
      { row: 2, field: 'email', message: 'Email must be an email address.' },
      { row: 4, field: 'email', message: 'Email must be an email address.' },
    ]);
    expect(problems.rows).toBe(2);
  });
});
