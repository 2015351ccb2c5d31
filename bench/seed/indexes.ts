import type pg from 'pg';

export interface SecondaryIndex {
  name: string;
  definition: string;
}

/**
 * The bulk-loading classic: drop a table's secondary indexes, load, build them again. A
 * million rows inserted into a GIN index of search digests and four B-trees one statement
 * at a time cost several times what one sorted build does afterwards. Definitions are read
 * from the catalog (as the product's migrations made them) and replayed verbatim; indexes
 * behind constraints (primary keys, which foreign keys need while loading) stay.
 */
export async function dropSecondaryIndexes(db: pg.Pool, tables: string[]): Promise<SecondaryIndex[]> {
  const { rows } = await db.query<SecondaryIndex>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  for (const index of rows) await db.query(`DROP INDEX ${index.name}`);
  return rows;
}

/** Builds the indexes again, two at a time (one per core), each with room to sort in memory. */
export async function rebuildIndexes(db: pg.Pool, indexes: SecondaryIndex[]): Promise<number> {
  const queue = [...indexes];
  const worker = async () => {
    const client = await db.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.definition);
    } finally {
      await client.query('RESET maintenance_work_mem');
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
  return indexes.length;
}
