import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory for the data files; `undefined` keeps everything in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (the test harness's migrated template). */
  loadDataDir?: Blob;
  /**
   * A cluster prepared at build time (`buildEmbeddedTemplate`), copied into an empty
   * `dataDir` instead of creating a new cluster there: PGlite's initdb takes seconds.
   */
  templateDir?: string;
  maxConnections?: number;
}

/**
 * Where the build leaves the prepared cluster: `dist/pglite-template`, next to the compiled
 * API (this file is `dist/apps/api/src/database/embedded-postgres.js`).
 */
export const DEFAULT_TEMPLATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../pglite-template');

/** A cluster directory holds PG_VERSION once initdb has finished. */
const isCluster = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a loopback port so the normal
 * `pg` driver and TypeORM talk to it exactly as to a real server. Used when no
 * DATABASE_URL is configured: a fresh clone runs without installing PostgreSQL.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir, 'pglite');
    seedFromTemplate(dataDir, options.templateDir);
    mkdirSync(dataDir, { recursive: true });
  }
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
  } catch (error) {
    throw new Error(
      `Could not open the embedded database in ${dataDir ?? 'memory'} (${(error as Error).message}). ` +
        'Is another Steward CRM process using the same DATA_DIR?',
    );
  }
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 8,
  });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Copies the prepared cluster into a data directory that has none yet. Only into an empty
 * (or absent) directory: an existing cluster, or anything else someone put there, is left
 * alone. The copy goes to a sibling first, so an interrupted copy is never taken for a cluster.
 */
function seedFromTemplate(dataDir: string, templateDir: string | undefined): void {
  if (!templateDir || !isCluster(templateDir)) return;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  const partial = `${dataDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(templateDir, partial, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(partial, dataDir);
}

/**
 * Creates a new cluster in `dir` and hands it to `prepare` (e.g. to run the migrations)
 * through a loopback URL, then closes it cleanly. Built beside `dir` and renamed into place.
 */
export async function buildEmbeddedTemplate(dir: string, prepare: (url: string) => Promise<void>): Promise<void> {
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const db = await PGlite.create({ dataDir: partial });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  try {
    await prepare(`postgres://postgres@${server.getServerConn()}/postgres`);
  } finally {
    await server.stop();
    await db.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
}
