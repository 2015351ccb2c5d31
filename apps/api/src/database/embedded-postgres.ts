import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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
  maxConnections?: number;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a loopback port so the normal
 * `pg` driver and TypeORM talk to it exactly as to a real server. Used when no
 * DATABASE_URL is configured: a fresh clone runs without installing PostgreSQL.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir, 'pglite');
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
