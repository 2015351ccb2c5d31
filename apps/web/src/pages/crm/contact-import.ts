import Papa from 'papaparse';
import { type ContactImportOutcome, type ImportRowError, importContactsChunk } from '../../api/use-contacts';

/**
 * The columns the API's import understands (and the other names it accepts for them),
 * so the preview can say which columns will be read before anything is sent. The API
 * has the last word: it reports the columns it ignored.
 */
const COLUMNS = [
  'fullName',
  'email',
  'phone',
  'jobTitle',
  'clientId',
  'branch',
  'tags',
  'line1',
  'line2',
  'city',
  'region',
  'postcode',
  'country',
  'notes',
];
const ALIASES: Record<string, string> = {
  name: 'fullName',
  branchid: 'branch',
  mobile: 'phone',
  title: 'jobTitle',
  address: 'line1',
  zip: 'postcode',
  postalcode: 'postcode',
};
const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const CANONICAL = new Map<string, string>([
  ...COLUMNS.map((column) => [key(column), column] as [string, string]),
  ...Object.entries(ALIASES),
]);

/** The import column a header stands for, or null when the API would ignore it. */
export const columnOf = (header: string): string | null => CANONICAL.get(key(header)) ?? null;

/** Rows per request: small enough for steady progress, large enough not to crawl. */
export const CHUNK_ROWS = 200;

export interface ParsedFile {
  fileName: string;
  /** Header names as in the file. */
  fields: string[];
  rows: Record<string, string>[];
  unknownColumns: string[];
  /** The header that holds each import column. */
  headerFor: Partial<Record<string, string>>;
}

export function parseCsvFile(file: File): Promise<ParsedFile> {
  return new Promise((resolve, reject) => {
    Papa.parse<Record<string, string>>(file, {
      header: true,
      // As the API reads it: blank lines are skipped, cells trimmed.
      skipEmptyLines: true,
      transformHeader: (header) => header.trim(),
      complete: (result) => {
        const fields = (result.meta.fields ?? []).filter(Boolean);
        const headerFor: ParsedFile['headerFor'] = {};
        for (const field of fields) {
          const column = columnOf(field);
          if (column && !headerFor[column]) headerFor[column] = field;
        }
        resolve({
          fileName: file.name,
          fields,
          rows: result.data,
          unknownColumns: fields.filter((field) => !columnOf(field)),
          headerFor,
        });
      },
      error: (error) => reject(error),
    });
  });
}

const cell = (row: Record<string, string>, header: string | undefined) => (header ? (row[header] ?? '').trim() : '');

/** Rows the API would refuse for want of a branch: no branch named, no client to take it from. */
export const rowsWithoutBranch = (file: ParsedFile) =>
  file.rows.filter((row) => !cell(row, file.headerFor.branch) && !cell(row, file.headerFor.clientId)).length;

export interface ImportProgress {
  done: number;
  total: number;
  created: number;
  failed: number;
  errors: ImportRowError[];
  unknownColumns: string[];
}

/**
 * Sends the file in chunks of CHUNK_ROWS rows, each as CSV with the file's header and
 * `firstRow` set so the API numbers rows as the file does (the header is row 1). Rows
 * without a branch get `defaultBranchId`, when one is given. Stops between chunks when
 * `stopped()` says so; a failed request stops the import and is thrown with the progress so far.
 */
export async function importInChunks(
  file: ParsedFile,
  options: {
    dryRun: boolean;
    defaultBranchId: string | null;
    onProgress: (progress: ImportProgress) => void;
    stopped: () => boolean;
  },
): Promise<ImportProgress> {
  const branchHeader = file.headerFor.branch ?? 'branch';
  const fields = file.headerFor.branch ? file.fields : [...file.fields, branchHeader];
  const progress: ImportProgress = {
    done: 0,
    total: file.rows.length,
    created: 0,
    failed: 0,
    errors: [],
    unknownColumns: [],
  };
  options.onProgress({ ...progress });
  for (let start = 0; start < file.rows.length; start += CHUNK_ROWS) {
    if (options.stopped()) break;
    const rows = file.rows.slice(start, start + CHUNK_ROWS).map((row) =>
      fields.map((field) => {
        if (field === branchHeader && options.defaultBranchId && !cell(row, file.headerFor.branch)) {
          return cell(row, file.headerFor.clientId) ? '' : options.defaultBranchId;
        }
        return row[field] ?? '';
      }),
    );
    const csv = Papa.unparse({ fields, data: rows });
    let outcome: ContactImportOutcome;
    try {
      outcome = await importContactsChunk(csv, start + 1, options.dryRun);
    } catch (error) {
      throw Object.assign(error as Error, { progress: { ...progress } });
    }
    progress.done += rows.length;
    progress.created += outcome.created;
    progress.failed += outcome.failed;
    progress.errors = [...progress.errors, ...outcome.errors];
    progress.unknownColumns = [...new Set([...progress.unknownColumns, ...outcome.unknownColumns])];
    options.onProgress({ ...progress });
  }
  return progress;
}

export const errorsAsCsv = (errors: ImportRowError[]) =>
  new Blob(
    [Papa.unparse({ fields: ['row', 'field', 'message'], data: errors.map((e) => [e.row, e.field, e.message]) })],
    {
      type: 'text/csv;charset=utf-8',
    },
  );
