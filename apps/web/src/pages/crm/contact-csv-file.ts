import { CONTACT_CSV, CONTACT_CSV_COLUMNS, type CsvProblem, type CsvRow, parseCsv, toCsvText, UTF8_BOM } from '#csv';

/**
 * The browser reads a CSV file by the same rules as the API's import (libs/csv): the same
 * file previews the rows the API will read, and refuses what the API would refuse, with the
 * same sentences and row numbers. Nothing here talks to the API (contact-import.ts does).
 */

/** Rows per request: small enough for steady progress, large enough not to crawl. */
export const CHUNK_ROWS = 200;

export interface ParsedFile {
  fileName: string;
  /** Header names as in the file. */
  headers: string[];
  /** The import column each header is read as (null: not read). */
  columns: Array<string | null>;
  /** The rows that can be read, by the file's row numbers (the header is row 1). */
  rows: CsvRow[];
  /** Rows that cannot be read, each said once: they count as failed. */
  refused: CsvProblem[];
  /** Data rows in the file: the ones that can be read and the refused ones. */
  received: number;
  unknownColumns: string[];
}

/** Why a file cannot be imported at all, with the row where it shows. */
export class CsvFileRefused extends Error {
  constructor(readonly problem: CsvProblem) {
    super(problem.message);
  }
}

/** Reads a chosen file as UTF-8 text (bytes that are not UTF-8 become U+FFFD, as on the server) and parses it. */
export async function parseCsvFile(file: File): Promise<ParsedFile> {
  const parsed = parseCsv(await file.text(), CONTACT_CSV);
  if (!parsed.ok) throw new CsvFileRefused(parsed.error);
  return {
    fileName: file.name,
    headers: parsed.headers,
    columns: parsed.columns,
    rows: parsed.rows,
    refused: parsed.refused,
    received: parsed.received,
    unknownColumns: parsed.unknownColumns,
  };
}

/** Rows the API would refuse for want of a branch: no branch named, no client to take it from. */
export const rowsWithoutBranch = (file: ParsedFile) =>
  file.rows.filter((row) => !row.values.branch && !row.values.client).length;

/**
 * The CSV of one chunk: the import's own header and each row's values, with empty rows in
 * the gaps between row numbers (the rows the file left empty or refused), so the API,
 * counting empty rows as the file does, numbers every row as the file does. `firstRow` is
 * the row number the chunk's header stands at.
 */
export function chunkCsv(rows: CsvRow[], defaultBranchId: string | null): { csv: string; firstRow: number } {
  const firstRow = rows[0].row - 1;
  const data: string[][] = [];
  let next = rows[0].row;
  for (const { row, values } of rows) {
    for (; next < row; next++) data.push(CONTACT_CSV_COLUMNS.map(() => ''));
    const branch = values.branch ?? (values.client ? undefined : (defaultBranchId ?? undefined));
    data.push(CONTACT_CSV_COLUMNS.map((column) => (column === 'branch' ? branch : values[column]) ?? ''));
    next = row + 1;
  }
  return { csv: toCsvText(CONTACT_CSV_COLUMNS, data), firstRow };
}

/** The problems as a spreadsheet: a byte-order mark for Excel, formulas in messages neutralised. */
export const errorsAsCsv = (errors: CsvProblem[]) =>
  new Blob(
    [
      UTF8_BOM,
      toCsvText(
        ['row', 'field', 'message'],
        errors.map((e) => [String(e.row), e.field, e.message]),
      ),
    ],
    {
      type: 'text/csv;charset=utf-8',
    },
  );
