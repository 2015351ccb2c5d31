import Papa from 'papaparse';
import { guardCell, unguardCell } from './csv-cells.js';
import { type CsvProblem, CsvProblems } from './csv-problems.js';

/** What a CSV file must hold: the columns read, other names for them, the ones it must have. */
export interface CsvSchema {
  /** Canonical column names, in export order. */
  columns: readonly string[];
  /** Other header names for a column (`name` for `fullName`), compared as header keys. */
  aliases?: Readonly<Record<string, string>>;
  /** Columns the header row must name. */
  required?: readonly string[];
  /** Columns an export writes that an import does not read: ignored without being called unknown. */
  exportOnly?: readonly string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** The row in the file as a spreadsheet numbers it: the header is row 1, empty rows count. */
  row: number;
  /** Canonical column → value: trimmed, formula guard removed, empty values left out. */
  values: Record<string, string>;
}

export interface CsvFile {
  ok: true;
  delimiter: CsvDelimiter;
  /** The header row's names as in the file (trimmed). */
  headers: string[];
  /** The canonical column each header stands for, or null when it is not read. */
  columns: Array<string | null>;
  /** Headers that name no column (and later headers naming a column already named). */
  unknownColumns: string[];
  /** Rows that could be read, in file order. */
  rows: CsvRow[];
  /** Rows that could not be read, once per row (they are not in `rows`). */
  refused: CsvProblem[];
  /** Data rows in the file (empty rows aside): `rows` and the rows of `refused`. */
  received: number;
}

export interface CsvRefusal {
  ok: false;
  /** Why the file as a whole cannot be read: field `file`, the row where it shows. */
  error: CsvProblem;
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** A header as a key: case, accents, spaces and punctuation aside ("Full name" = "fullName" = "full_name"). */
export const headerKey = (header: string): string =>
  header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The canonical column a header names, or null. */
export function columnOf(schema: CsvSchema, header: string): string | null {
  const key = headerKey(header);
  if (!key) return null;
  const direct = schema.columns.find((column) => headerKey(column) === key);
  if (direct) return direct;
  const alias = Object.entries(schema.aliases ?? {}).find(([name]) => headerKey(name) === key);
  return alias ? alias[1] : null;
}

/**
 * The delimiter: whichever of comma, semicolon and tab appears most often in the first
 * line that is not empty, outside quotes (comma first on a tie, and when there is none).
 * Spreadsheets in many European locales save with semicolons.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  let seen = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seen) break;
    } else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
      seen = true;
    } else if (char.trim()) seen = true;
  }
  return DELIMITERS.reduce((best, delimiter) =>
    (counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0) ? delimiter : best,
  );
}

const refuse = (row: number, message: string): CsvRefusal => ({ ok: false, error: { row, field: 'file', message } });

/**
 * Reads a CSV file by the one set of rules the browser's preview and the API's import
 * share, so a file gives the same rows and the same problems both ways:
 * - UTF-8 text; a byte-order mark at the start is dropped. A character that could not be
 *   decoded (U+FFFD, what a decoder leaves for bytes that are not UTF-8) refuses the file,
 *   naming the first row that holds one.
 * - The delimiter is found from the header row (`detectDelimiter`); line breaks are \r\n,
 *   \n or \r.
 * - A value in double quotes may hold delimiters, line breaks and doubled quotes (""); a
 *   quote left open, or text after a closing quote, refuses the file at its row.
 * - The first row that is not empty names the columns (`columnOf`): case, accents, spaces
 *   and punctuation aside, or by an alias. A column named twice is read from its first
 *   header; unknown headers are listed, not read. A required column missing refuses the file.
 * - Values are trimmed; an empty value is no value. A leading apostrophe the export put
 *   before = + - @ is removed (`unguardCell`).
 * - Empty rows are skipped but counted, so row numbers are the spreadsheet's (header = 1,
 *   a value with a line break stays one row). A row with more values than the header has
 *   columns is refused on its own (a delimiter inside an unquoted value shifts the rest).
 */
export function parseCsv(text: string, schema: CsvSchema): CsvFile | CsvRefusal {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false, quoteChar: '"' });
  const records = parsed.data;

  const undecodable = records.findIndex((cells) => cells.some((cell) => cell.includes('\uFFFD')));
  if (undecodable >= 0) {
    return refuse(
      undecodable + 1,
      `Row ${undecodable + 1} has characters that are not UTF-8 text. Save the file as “CSV UTF-8” (in Excel: Save As, CSV UTF-8) and choose it again.`,
    );
  }
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return refuse(
      row,
      quoteError.code === 'InvalidQuotes'
        ? `Row ${row} has text after the closing quote of a value. Put the whole value in double quotes, and write a quote inside it twice ("").`
        : `Row ${row} opens a quoted value that is never closed, so the rest of the file cannot be read. Check the quotes in that row: a quote inside a value is written twice ("").`,
    );
  }

  const cleaned = records.map((cells) => cells.map((cell) => unguardCell(cell.trim())));
  const isEmpty = (cells: string[]) => cells.every((cell) => cell === '');
  const headerIndex = cleaned.findIndex((cells) => !isEmpty(cells));
  if (headerIndex < 0) return refuse(1, 'The file is empty: its first row must name the columns.');
  const headerRow = headerIndex + 1;
  const headers = cleaned[headerIndex];

  const columns: Array<string | null> = [];
  const unknownColumns: string[] = [];
  for (const header of headers) {
    const column = columnOf(schema, header);
    if (column && !columns.includes(column)) {
      columns.push(column);
      continue;
    }
    columns.push(null);
    const exportOnly = (schema.exportOnly ?? []).some((name) => headerKey(name) === headerKey(header));
    if (header && !exportOnly) unknownColumns.push(header);
  }
  for (const required of schema.required ?? []) {
    if (columns.includes(required)) continue;
    const others = Object.entries(schema.aliases ?? {})
      .filter(([, column]) => column === required)
      .map(([alias]) => alias);
    return refuse(
      headerRow,
      `Row ${headerRow} must name the columns, and one of them must be ${required}${others.length ? ` (or ${others.join(', or ')})` : ''}.`,
    );
  }

  const rows: CsvRow[] = [];
  const refused = new CsvProblems(schema.columns);
  cleaned.slice(headerIndex + 1).forEach((cells, offset) => {
    if (isEmpty(cells)) return;
    const row = headerRow + offset + 1;
    const extra = cells.slice(headers.length).filter((cell) => cell !== '').length;
    if (extra > 0) {
      let count = cells.length;
      while (count > 0 && cells[count - 1] === '') count--;
      refused.add(
        row,
        'row',
        `This row has ${count} values but the first row names ${headers.length} columns: a value with a ${DELIMITER_NAMES[delimiter]} in it needs double quotes around it.`,
      );
      return;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      const cell = cells[index];
      if (column && cell) values[column] = cell;
    });
    rows.push({ row, values });
  });
  return {
    ok: true,
    delimiter,
    headers,
    columns,
    unknownColumns,
    rows,
    refused: refused.list(),
    received: rows.length + refused.rows,
  };
}

/** Rows as CSV text with the canonical header, every cell guarded: the browser's import sends its chunks so. */
export function toCsvText(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((row) => row.map(guardCell)) }, { newline: '\n' });
}
