/**
 * A cell for a CSV export. Values starting with = + - @ (or tab/CR) would run as formulas
 * in a spreadsheet (CSV injection): they are prefixed with an apostrophe.
 */
export const safeCell = (value: unknown): string => {
  if (value == null) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.join(';')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};
