import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import { buildEmbeddedTemplate, startEmbeddedPostgres } from './embedded-postgres.js';

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL from a prepared template', () => {
  // Each test starts PGlite (WebAssembly) twice: seconds alone, a minute or more on a busy 2-core CI machine.
  jest.setTimeout(180_000);
  let root: string;
  let template: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'steward-embedded-'));
    template = join(root, 'template');
    await buildEmbeddedTemplate(template, async (url) => {
      await query(url, "CREATE TABLE prepared (note text); INSERT INTO prepared VALUES ('from the template')");
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('should leave a closed cluster and no partial directory behind', () => {
    expect(existsSync(join(template, 'PG_VERSION'))).toBe(true);
    expect(existsSync(`${template}.partial`)).toBe(false);
  });

  it('should start an empty DATA_DIR from the template, and keep its own data on the next start', async () => {
    const dataDir = join(root, 'data');
    let db = await startEmbeddedPostgres({ dataDir, templateDir: template });
    try {
      expect(await query(db.url, 'SELECT note FROM prepared')).toEqual([{ note: 'from the template' }]);
      await query(db.url, "INSERT INTO prepared VALUES ('written later')");
    } finally {
      await db.close();
    }

    db = await startEmbeddedPostgres({ dataDir, templateDir: template });
    try {
      expect(await query(db.url, 'SELECT note FROM prepared ORDER BY note')).toEqual([
        { note: 'from the template' },
        { note: 'written later' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('should not copy over a data directory that holds anything', async () => {
    const dataDir = join(root, 'occupied');
    const before = await startEmbeddedPostgres({ dataDir });
    await before.close();
    writeFileSync(join(dataDir, 'pglite', 'operator-note.txt'), 'mine');

    const db = await startEmbeddedPostgres({ dataDir, templateDir: template });
    try {
      const tables = await query<{ name: string | null }>(db.url, "SELECT to_regclass('prepared')::text AS name");
      expect(tables).toEqual([{ name: null }]);
      expect(existsSync(join(dataDir, 'pglite', 'operator-note.txt'))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
