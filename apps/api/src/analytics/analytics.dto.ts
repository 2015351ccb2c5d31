import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { BROWSER_FAMILIES, type BrowserFamily } from './browser-family.js';

export const USAGE_EVENT_TYPES = ['page-view', 'feature'] as const;
export type UsageEventType = (typeof USAGE_EVENT_TYPES)[number];

/**
 * A route pattern (`/contacts/:id`) or a dotted feature name (`contacts.export`). Segments
 * are letters and hyphens only, so an id, a number or a query string cannot slip in.
 */
export const USAGE_EVENT_NAME =
  /^(\/|(\/(:[a-z][a-zA-Z]{0,30}|[a-z]+(-[a-z]+)*)){1,8}|[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*){1,3})$/;

export class UsageEventDto {
  @ApiProperty({ enum: USAGE_EVENT_TYPES, example: 'page-view' })
  @IsIn(USAGE_EVENT_TYPES, { message: `type must be one of ${USAGE_EVENT_TYPES.join(', ')}` })
  type: UsageEventType;

  /** A route pattern for a page view, a feature name for a feature. @example /contacts/:id */
  @Matches(USAGE_EVENT_NAME, {
    message:
      'name must be a route pattern such as /contacts/:id or a feature name such as contacts.export (letters and hyphens; no ids, numbers or query strings)',
  })
  name: string;
}

export class UsageEventBatchDto {
  /** The consent id whose latest logged cookie choice accepts `analytics`: the proof of consent. */
  @IsUUID('all', { message: 'consentId must be a UUID' })
  consentId: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'events must hold at least one event' })
  @ArrayMaxSize(50, { message: 'events holds at most 50 events' })
  @ValidateNested({ each: true })
  @Type(() => UsageEventDto)
  events: UsageEventDto[];
}

export class UsageEventBatchResponseDto {
  /** @example 3 */
  accepted: number;
}

/** A UTC day of this century or the last: the database's dates go no further back than that anyway. */
const DAY = /^(19|20)\d{2}-\d{2}-\d{2}$/;
const DAY_MESSAGE = (field: string) => `${field} must be a day in the form YYYY-MM-DD (1900 to 2099)`;

export class UsageReportQueryDto {
  /** First day (UTC, inclusive). @example 2026-11-01 */
  @Matches(DAY, { message: DAY_MESSAGE('from') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('from') })
  from: string;

  /** Last day (UTC, inclusive); at most 400 days after `from`. @example 2026-11-30 */
  @Matches(DAY, { message: DAY_MESSAGE('to') })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE('to') })
  to: string;

  /** Only page views or only features; both when left out. */
  @ApiProperty({ enum: USAGE_EVENT_TYPES, required: false })
  @IsOptional()
  @IsIn(USAGE_EVENT_TYPES, { message: `type must be one of ${USAGE_EVENT_TYPES.join(', ')}` })
  type?: UsageEventType;
}

export class UsageDayResponseDto {
  /** @example 2026-11-03 */
  day: string;
  /** Pages visited that day. */
  pageViews: number;
  /** Features used that day. */
  features: number;
  /** Distinct sessions (one browser on one day) with events of the asked type(s). */
  sessions: number;
}

export class UsageNameResponseDto {
  @ApiProperty({ enum: USAGE_EVENT_TYPES, example: 'page-view' })
  type: UsageEventType;
  /** A route pattern or feature name. @example /contacts/:id */
  name: string;
  events: number;
  /** Sessions that used it, added up over the days. */
  sessions: number;
}

export class UsageBrowserResponseDto {
  @ApiProperty({ enum: BROWSER_FAMILIES, example: 'Firefox' })
  browser: BrowserFamily;
  events: number;
  sessions: number;
}

export class UsageReportResponseDto {
  /** @example 2026-11-01 */
  from: string;
  /** @example 2026-11-30 */
  to: string;
  /** Every day of the range, oldest first; days without usage count zero. */
  days: UsageDayResponseDto[];
  /** The ten most used pages and the ten most used features over the range. */
  top: UsageNameResponseDto[];
  /** Events and sessions by browser family over the range. */
  browsers: UsageBrowserResponseDto[];
}
