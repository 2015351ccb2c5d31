export {
  CONTACT_CSV,
  CONTACT_CSV_COLUMNS,
  CONTACT_CSV_LABELS,
  CONTACT_EXPORT_COLUMNS,
  type ContactCsvColumn,
  MAX_IMPORT_ROWS,
} from './contact-csv.js';
export { csvCell, guardCell, UTF8_BOM, unguardCell } from './csv-cells.js';
export {
  type CsvDelimiter,
  type CsvFile,
  type CsvRefusal,
  type CsvRow,
  type CsvSchema,
  columnOf,
  detectDelimiter,
  headerKey,
  parseCsv,
  toCsvText,
} from './csv-parse.js';
export { type CsvProblem, CsvProblems, csvSentence } from './csv-problems.js';
