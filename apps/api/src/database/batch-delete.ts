import type { Transaction } from './transaction.service.js';

/**
 * Deletes at most `limit` rows of `table` matching `where` (SQL with $1… placeholders, the
 * limit goes last), in `tx`: one bounded step of an erasure or a purge, so no statement
 * holds locks on a whole subject's history at once. Returns how many rows went.
 */
export async function deleteBatch(
  tx: Transaction,
  table: string,
  where: string,
  params: unknown[],
  limit: number,
): Promise<number> {
  const [, affected] = await tx.manager.query(
    `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT $${params.length + 1})`,
    [...params, limit],
  );
  return Number(affected ?? 0);
}
