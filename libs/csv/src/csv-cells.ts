/** The byte-order mark an export starts with: Excel then reads the file as UTF-8, not as the system's code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a
 * formula: CSV injection. Such cells, and cells that already start with apostrophes before
 * one of those, get one more apostrophe in front. `unguardCell` undoes exactly that, so an
 * exported file imports back unchanged.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export const guardCell = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

export const unguardCell = (text: string): string => (GUARDED.test(text) ? text.slice(1) : text);

/** A value of any kind as one guarded CSV cell: dates in ISO 8601, lists joined by `;`. */
export function csvCell(value: unknown): string {
  if (value == null) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.join(';')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return guardCell(text);
}
