import { parse } from 'csv-parse/sync';
import { AppError } from '../../common/app-error.js';

/** Columns of the contact CSV, in export order; import accepts them in any order and case. */
export const CONTACT_CSV_COLUMNS = [
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
] as const;

export const MAX_IMPORT_ROWS = 2000;

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const CANONICAL = new Map<string, string>([
  ...CONTACT_CSV_COLUMNS.map((column) => [key(column), column] as [string, string]),
  ['name', 'fullName'],
  ['branchid', 'branch'],
  ['mobile', 'phone'],
  ['title', 'jobTitle'],
  ['address', 'line1'],
  ['zip', 'postcode'],
  ['postalcode', 'postcode'],
]);

/** Parses CSV text (header row first) into rows keyed by canonical column names. */
export function parseContactCsv(text: string): { rows: Record<string, string>[]; unknownColumns: string[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new AppError('validation-failed', `The file is not valid CSV: ${(error as Error).message}`, {
      errors: [{ field: 'file', message: 'not valid CSV' }],
    });
  }
  const [header, ...body] = records;
  if (!header)
    throw new AppError('validation-failed', 'The file is empty', { errors: [{ field: 'file', message: 'empty' }] });
  const columns = header.map((name) => CANONICAL.get(key(name)) ?? null);
  if (!columns.includes('fullName')) {
    throw new AppError('validation-failed', 'The first row must name the columns, including fullName', {
      errors: [{ field: 'file', message: 'missing a fullName (or name) column' }],
    });
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError('validation-failed', `Send at most ${MAX_IMPORT_ROWS} rows per request; split the file`, {
      errors: [{ field: 'file', message: `more than ${MAX_IMPORT_ROWS} rows` }],
    });
  }
  const rows = body.map((cells) => {
    const row: Record<string, string> = {};
    columns.forEach((column, index) => {
      if (column && cells[index] !== undefined && cells[index] !== '') row[column] = cells[index];
    });
    return row;
  });
  return { rows, unknownColumns: header.filter((_, index) => columns[index] === null) };
}
