import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { leanPage } from '../database/lean-rows.js';

/** The orders a CRM list offers; `-` is newest first. Names are sealed, so the server cannot sort by them. */
export const LIST_SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'] as const;
export type ListSort = (typeof LIST_SORTS)[number] | '-occurredAt' | 'occurredAt';

const COLUMNS: Record<string, string> = { createdAt: 'created_at', updatedAt: 'updated_at', occurredAt: 'occurred_at' };

/**
 * Keyset pagination over (sort column, id): a deep page costs what the first does. The
 * cursor carries the sort, the exact database timestamp (microseconds) and the id.
 * `updatedSince` keeps rows changed at or after it (incremental sync; see `UpdatedSinceQueryDto`).
 */
export function applyKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  sort: ListSort,
  cursor: string | undefined,
  limit: number,
  updatedSince?: Date,
): SelectQueryBuilder<T> {
  if (updatedSince) query.andWhere(`${alias}.updated_at >= :updatedSince`, { updatedSince });
  const descending = sort.startsWith('-');
  const column = `${alias}.${COLUMNS[sort.replace('-', '')]}`;
  const after = decodeCursor(cursor, 3);
  if (after) {
    if (after[0] !== sort) {
      throw new AppError('validation-failed', 'cursor belongs to another sort order; start again without it', {
        errors: [{ field: 'cursor', message: 'cursor belongs to another sort order' }],
      });
    }
    query.andWhere(`(${column}, ${alias}.id) ${descending ? '<' : '>'} (:cursorAt::timestamptz, :cursorId::uuid)`, {
      cursorAt: after[1],
      cursorId: after[2],
    });
  }
  return query
    .addSelect(`${column}::text`, 'cursor_at')
    .orderBy(column, descending ? 'DESC' : 'ASC')
    .addOrderBy(`${alias}.id`, descending ? 'DESC' : 'ASC')
    .limit(limit + 1);
}

/** Runs a keyset query: the page and the cursor of the next one (null on the last page). */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  sort: ListSort,
  limit: number,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const { entities, raw } = await leanPage(query);
  const more = entities.length > limit;
  const rows = entities.slice(0, limit);
  const last = raw[rows.length - 1] as { cursor_at: string } | undefined;
  const nextCursor = more && last ? encodeCursor([sort, last.cursor_at, rows[rows.length - 1].id]) : null;
  return { rows, nextCursor };
}
