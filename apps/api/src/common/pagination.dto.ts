import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, isISO8601, Max, MaxLength, Min, ValidateBy } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;

/** `?limit=&cursor=` of every list: follow `nextCursor` until it is null. */
export class PageQueryDto {
  /** Items per page, 1–100. @example 50 */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be between 1 and 100' })
  @Max(100, { message: 'limit must be between 1 and 100' })
  limit?: number;

  /** The `nextCursor` of the previous page; omit for the first page. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** A date and a time with `Z` or an offset: an instant, not a local time whose zone the server would guess. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** One rule, one message: a string that reads as an instant and names a real date. */
const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO 8601 instant with a time zone, e.g. 2026-11-01T08:00:00Z`,
    },
  });

/**
 * `?updatedSince=` of the lists of records that carry an update time, for incremental sync:
 * keep the largest `updatedAt` you have seen and ask for what changed since. Deleted records
 * are not in lists: erasures arrive as the `subject.erased` webhook.
 */
export class UpdatedSinceQueryDto {
  /**
   * Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
   * Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
   * calendar keeps its window's order), so a record changed while you page moves behind your
   * cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
   * deleted otherwise are found by comparing ids with a full read now and then.
   * @example "2026-11-01T08:00:00Z"
   */
  @IsOptional()
  @IsInstant()
  updatedSince?: string;
}

/** `?limit=&cursor=&updatedSince=`: a paginated list of records with an update time. */
export class SyncPageQueryDto extends IntersectionType(PageQueryDto, UpdatedSinceQueryDto) {}

/** The instant of `updatedSince`, when given. */
export const updatedSinceOf = (query: { updatedSince?: string }): Date | undefined =>
  query.updatedSince === undefined ? undefined : new Date(query.updatedSince);

/** The order of a list: the one asked for, else oldest change first when syncing (`updatedSince`), else `fallback`. */
export const syncSort = <Sort extends string>(
  sort: Sort | undefined,
  updatedSince: Date | undefined,
  fallback: Sort,
): Sort | 'updatedAt' => sort ?? (updatedSince ? 'updatedAt' : fallback);
