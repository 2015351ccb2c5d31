import type { Transaction } from './transaction.service.js';

/**
 * Deletes at most `limit` rows of `table` matching `where` (SQL with $1… placeholders, the
 * limit goes last; `table` is a tenant table keyed (organization_id, id)), in `tx`: one bounded step of an erasure or a purge, so no statement
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
    `DELETE FROM ${table} WHERE (organization_id, id) IN (
       SELECT organization_id, id FROM ${table} WHERE ${where} LIMIT $${params.length + 1})`,
    [...params, limit],
  );
  return Number(affected ?? 0);
}
