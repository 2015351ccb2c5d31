/** One thing wrong with a CSV file: the row (the header is row 1), the column, a sentence. */
export interface CsvProblem {
  row: number;
  /** The column (its canonical name), `row` for the row as a whole, `file` for the file. */
  field: string;
  message: string;
}

/**
 * A message as a sentence people read: an API field name at its start ("email must be…")
 * replaced by the column's label, a capital, a full stop.
 */
export function csvSentence(message: string, fieldName?: string, label?: string): string {
  let text = message.trim();
  if (fieldName && label && text.startsWith(`${fieldName} `)) text = `${label}${text.slice(fieldName.length)}`;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * Problems of rows, said once per row and column: a value that breaks two rules gets one
 * entry with both sentences, and the same sentence twice is said once. Listed by row, then
 * in the order of `columns` (the row as a whole first).
 */
export class CsvProblems {
  private readonly byKey = new Map<string, { row: number; field: string; sentences: Set<string> }>();

  constructor(private readonly columns: readonly string[] = []) {}

  add(row: number, field: string, sentence: string): void {
    const key = `${row}\u0000${field}`;
    const entry = this.byKey.get(key) ?? { row, field, sentences: new Set<string>() };
    entry.sentences.add(sentence);
    this.byKey.set(key, entry);
  }

  addAll(problems: Iterable<CsvProblem>): void {
    for (const problem of problems) this.add(problem.row, problem.field, problem.message);
  }

  /** Rows with at least one problem. */
  get rows(): number {
    return new Set([...this.byKey.values()].map((entry) => entry.row)).size;
  }

  list(): CsvProblem[] {
    const order = (field: string) => (field === 'row' ? -1 : this.columns.indexOf(field));
    return [...this.byKey.values()]
      .sort((a, b) => a.row - b.row || order(a.field) - order(b.field) || a.field.localeCompare(b.field))
      .map(({ row, field, sentences }) => ({ row, field, message: [...sentences].join(' ') }));
  }
}
