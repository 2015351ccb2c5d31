// Plain ESM so that Jest's global setup (which cannot load TypeScript ESM) shares it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../apps/api/src/database/migrations');

const JOB_ENGINE_PACKAGE = resolve(import.meta.dirname, '../../../node_modules/pg-boss/package.json');

/**
 * Changes whenever a migration file changes, or pg-boss (whose own migrations the template
 * includes) changes version, so a stale template is never reused.
 */
export function migrationsHash() {
  const hash = createHash('sha256');
  hash.update(`pg-boss@${JSON.parse(readFileSync(JOB_ENGINE_PACKAGE, 'utf8')).version}`);
  for (const file of readdirSync(MIGRATIONS_DIR).sort())
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return hash.digest('hex').slice(0, 12);
}

/** The server to test against, if any: TEST_DATABASE_URL, else DATABASE_URL. */
export const serverUrl = () => process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

export const templateDatabaseName = (hash) => `steward_template_${hash}`;
export const pgliteTemplatePath = (hash) => join(tmpdir(), `steward-pglite-template-${hash}.tar`);

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
