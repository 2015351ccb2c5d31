import type pg from 'pg';

/**
 * PostgreSQL types of a table's columns, by name. `[]` types (tags, search tokens, assignee
 * ids) are sent as array literals, because `unnest` would flatten an array of arrays.
 */
export type ColumnTypes<Column extends string> = Record<Column, string>;

export interface BatchOptions {
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** Statements of this table in flight at once (the pool bounds the total). */
  inFlight?: number;
}

/**
 * Multi-row inserts for bulk loading: rows are buffered, and each full batch becomes one
 * `INSERT … SELECT … FROM unnest($1::uuid[], $2::bytea[], …)` (one parameter per column,
 * whatever the batch size). Several batches run at once; `push` waits when too many are in
 * flight, so generating rows never races far ahead of the database.
 */
export class BatchInsert<Column extends string> {
  private readonly sql: string;
  private readonly columns: Column[];
  private readonly arrayColumns: Set<Column>;
  private readonly batchSize: number;
  private readonly inFlight: number;
  private buffer: Array<Record<Column, unknown>> = [];
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown = null;
  inserted = 0;

  constructor(
    private readonly db: pg.Pool,
    table: string,
    types: ColumnTypes<Column>,
    options: BatchOptions = {},
  ) {
    this.columns = Object.keys(types) as Column[];
    this.arrayColumns = new Set(this.columns.filter((column) => types[column].endsWith('[]')));
    this.batchSize = options.batchSize ?? 2_000;
    this.inFlight = options.inFlight ?? 2;
    const names = this.columns.map((column) => `"${column}"`).join(', ');
    const selected = this.columns.map((column) =>
      this.arrayColumns.has(column) ? `"${column}"::${types[column]}` : `"${column}"`,
    );
    const unnested = this.columns.map((column, index) =>
      this.arrayColumns.has(column) ? `$${index + 1}::text[]` : `$${index + 1}::${types[column]}[]`,
    );
    // `schema.table` or `table`.
    const target = table
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
    this.sql =
      `INSERT INTO ${target} (${names}) SELECT ${selected.join(', ')} ` +
      `FROM unnest(${unnested.join(', ')}) AS r(${names})`;
  }

  async push(row: Record<Column, unknown>): Promise<void> {
    this.buffer.push(row);
    if (this.buffer.length >= this.batchSize) await this.flush();
    // Generating rows only awaits promises that are already settled, which never lets the
    // event loop run: statements sent would sit half-written in the socket, and answers
    // unread, until the next wait. A turn of the loop now and then keeps both sides busy.
    else if (this.buffer.length % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Sends what is buffered, then waits for every statement of this table. */
  async close(): Promise<number> {
    await this.flush();
    await Promise.all(this.pending);
    this.rethrow();
    return this.inserted;
  }

  private async flush(): Promise<void> {
    this.rethrow();
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const values = this.columns.map((column) =>
      arrayLiteral(
        this.arrayColumns.has(column)
          ? rows.map((row) => arrayLiteral(row[column] as unknown[] | null))
          : rows.map((row) => row[column]),
      ),
    );
    const statement = this.db.query(this.sql, values).then(
      () => {
        this.inserted += rows.length;
      },
      (error: unknown) => {
        this.failure ??= error;
      },
    );
    const tracked = statement.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    while (this.pending.size >= this.inFlight) await Promise.race(this.pending);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure;
  }
}

/**
 * A PostgreSQL array literal, built here rather than by the driver (which escapes every
 * element generically): bytea as hex, dates as ISO 8601, plain tokens (uuids, numbers,
 * enum values, timestamps) bare, anything else quoted.
 */
export function arrayLiteral(values: unknown[] | null): string | null {
  if (values === null) return null;
  return `{${values.map(element).join(',')}}`;
}

const BARE = /^[A-Za-z0-9_.:+-]+$/;

function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) return `"\\\\x${value.toString('hex')}"`;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return BARE.test(text) && text.toUpperCase() !== 'NULL' ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}
