/**
 * Preloaded into a server (`node --import ./dist/bench/run/capture-sql.js …`) when the bench
 * checks SQL parity: every statement the process sends through `pg` is appended, with its
 * parameters, as one JSON line to the file named by BENCH_SQL_LOG. The API (through
 * TypeORM) and the baseline load the same `pg` module, so both are captured the same way.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type QueryFunction = (this: unknown, config: unknown, values?: unknown, callback?: unknown) => unknown;

const file = process.env.BENCH_SQL_LOG;
const require = createRequire(import.meta.url);
const pg = require('pg') as { Client: { prototype: { query: QueryFunction } } };

const printable = (value: unknown): unknown => {
  if (Buffer.isBuffer(value)) return { buffer: value.length };
  if (value instanceof Date) return { date: true };
  if (Array.isArray(value)) return value.map(printable);
  return value;
};

if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    const params = Array.isArray(values) ? values : (config as { values?: unknown[] } | null)?.values;
    if (text) appendFileSync(file, `${JSON.stringify({ text, params: params?.map(printable) ?? [] })}\n`);
    return query.call(this, config, values, callback);
  };
}
