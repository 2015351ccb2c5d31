import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import pg from 'pg';
import type { Settings } from '../config/settings.js';
import { type JournalEntry, journalParams, KeyJournal, REAPPLY_JOURNAL_SQL } from '../keyring/keyring.service.js';
import {
  BackupError,
  BackupUnavailableError,
  backupFileName,
  backupRecipient,
  postgresTool,
  readBackup,
  readBackupText,
  run,
  writeBackup,
} from './backup-archive.js';

/** The embedded cluster's folder under DATA_DIR (as database/embedded-postgres.ts lays it out). */
const embeddedDir = (dataDir: string) => resolve(dataDir, 'pglite');

export interface RestoreOutcome {
  seconds: number;
  /** Keys destroyed again from the key journal (erasures after the backup was taken). */
  reapplied: number;
  target: 'postgresql' | 'embedded';
}

/**
 * Takes a backup now: `pg_dump` of the database (as its owner, see ownerUrl), or the embedded database's own pg_dump
 * (pglite-tools) when there is none (stop the API first: the embedded database has one
 * process). Answers the file written.
 */
export async function createBackup(settings: Settings, now: Date): Promise<string> {
  const path = resolve(settings.backup.dir, backupFileName(now));
  const recipient = await backupRecipient(settings);
  const server = ownerUrl(settings);
  if (server) {
    await refuseEmbeddedServer(server);
    const dump = run(postgresTool('pg_dump'), ['--no-owner', '--no-privileges', `--dbname=${server}`]);
    dump.child.stdin?.end();
    try {
      await Promise.all([writeBackup(dump.child.stdout as Readable, recipient, path), dump.done]);
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    return path;
  }
  const dir = embeddedDir(settings.dataDir);
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new BackupError(`No embedded database in ${dir}`);
  const db = await openEmbedded(dir);
  try {
    const file = await pgDump({ pg: db });
    await writeBackup(Readable.fromWeb(file.stream() as unknown as WebReadableStream<Uint8Array>), recipient, path);
  } finally {
    await db.close();
  }
  return path;
}

/**
 * Restores a backup into an empty database (DATABASE_URL, or a DATA_DIR without an embedded
 * database), then destroys again the keys the key journal lists: erasures made after the
 * backup stay erased.
 */
export async function restoreBackup(settings: Settings, file: string, identity: string): Promise<RestoreOutcome> {
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}`);
  const journal = new KeyJournal(settings.keyJournalDir);
  const started = performance.now();
  let reapplied: number;
  const server = ownerUrl(settings);
  if (server) {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await refuseNonEmpty(client);
      const psql = run(postgresTool('psql'), [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '--single-transaction',
        `--dbname=${server}`,
      ]);
      psql.child.stdout?.resume();
      await Promise.all([readBackup(file, identity, psql.child.stdin as Writable), psql.done]);
      reapplied = await journal.reapply(
        async (batch: JournalEntry[]) => (await client.query(REAPPLY_JOURNAL_SQL, journalParams(batch))).rowCount ?? 0,
      );
    } finally {
      await client.end();
    }
  } else {
    const dir = embeddedDir(settings.dataDir);
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new BackupError(`${dir} holds a database already: restore into a new, empty DATA_DIR`);
    }
    const sql = await readBackupText(file, identity);
    mkdirSync(dir, { recursive: true });
    const db = await openEmbedded(dir);
    try {
      await db.exec(sql);
      // The dump empties the session's search_path (pg_dump does so for safety); back to the default.
      await db.exec('RESET search_path');
      reapplied = await journal.reapply(
        async (batch) => (await db.query(REAPPLY_JOURNAL_SQL, journalParams(batch))).affectedRows ?? 0,
      );
    } finally {
      await db.close();
    }
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  return { seconds, reapplied, target: server ? 'postgresql' : 'embedded' };
}

/**
 * Dumps and restores run as the tables' owner (DATABASE_MIGRATION_URL when set): the app's
 * role is bound by row-level security, which pg_dump refuses to dump through, and may not
 * create tables. The grants the app's role needs follow at the app's next start.
 */
const ownerUrl = (settings: Settings): string | undefined => settings.database.migrationUrl ?? settings.database.url;

/** The API's own embedded database, reached through its socket: only the stopped database can be dumped. */
async function refuseEmbeddedServer(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
    if (rows[0].version.includes('PGlite')) {
      throw new BackupUnavailableError(
        'The embedded database is backed up by `npm run backup` while the API is stopped (it serves one process)',
      );
    }
  } finally {
    await client.end();
  }
}

async function refuseNonEmpty(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ relations: number }>(
    `SELECT count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
        AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
  );
  if (rows[0].relations > 0) {
    throw new BackupError(
      `The target database is not empty (${rows[0].relations} tables, views or sequences): restore only into a new, empty database`,
    );
  }
}

async function openEmbedded(dir: string): Promise<PGlite> {
  try {
    return await PGlite.create({ dataDir: dir });
  } catch (error) {
    throw new BackupError(
      `Could not open the embedded database in ${dir} (${(error as Error).message}). Stop the API first.`,
    );
  }
}
