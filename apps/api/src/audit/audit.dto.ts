import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto.js';
import { ACTOR_KINDS, AUDIT_ACTIONS, OUTCOMES } from './audit.types.js';

/** An action, or a family of them ending in a dot (`auth.`). */
const ACTION_FILTER = /^[a-z_]+(\.[a-z_]+)*\.?$/;

export class AuditFilterQueryDto {
  /** Entries at or after this time. @example "2026-11-01T00:00:00Z" */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  /** Entries before this time. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  /** Only what this user or API key did. */
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  /**
   * One action (`auth.sign_in`) or a family ending in a dot (`auth.`, `record.`).
   * @example "auth."
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(ACTION_FILTER, { message: 'action must be an action such as auth.sign_in, or a family such as auth.' })
  action?: string;

  /** The kind of thing acted on, e.g. `contact`, `user`, `api_key`. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  targetType?: string;

  /** The id of the thing acted on. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @IsOptional()
  @ApiProperty({ enum: OUTCOMES, required: false })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome?: (typeof OUTCOMES)[number];
}

export class AuditListQueryDto extends IntersectionType(AuditFilterQueryDto, PageQueryDto) {}

export class AuditExportQueryDto extends AuditFilterQueryDto {
  /** `csv` (a spreadsheet) or `json` (one array). */
  @IsOptional()
  @ApiProperty({ enum: ['csv', 'json'], required: false, default: 'csv' })
  @IsIn(['csv', 'json'], { message: 'format must be csv or json' })
  format?: 'csv' | 'json';
}

export class AuditEntryResponseDto {
  /** Position in the organization's chain. */
  seq: string;
  at: Date;
  @ApiProperty({ enum: ACTOR_KINDS, example: 'user' })
  actorKind: string;
  actorId: string | null;
  /** The user's name, when the actor is a person of the organization. */
  actorName: string | null;
  @ApiProperty({ example: 'auth.sign_in', description: `One of: ${AUDIT_ACTIONS.join(', ')}.` })
  action: string;
  targetType: string | null;
  targetId: string | null;
  @ApiProperty({ enum: OUTCOMES, example: 'success' })
  outcome: string;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Particulars: names of changed fields, roles, scopes, reasons. Never personal values. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details: Record<string, unknown> | null;
}

export class AuditListResponseDto {
  items: AuditEntryResponseDto[];
  /** Pass as `cursor` for older entries; null on the last page. */
  nextCursor: string | null;
}

export class AuditActionsResponseDto {
  /** Every action the trail records, for filter pickers. */
  items: string[];
}

export class AuditBrokenLinkDto {
  seq: string;
  @ApiProperty({ enum: ['altered', 'unlinked', 'missing-entries', 'truncated'] })
  reason: string;
}

export class AuditCheckpointDto {
  /** The last entry removed by the retention purge. */
  seq: string;
  purgedBefore: Date;
  purgedCount: number;
}

export class AuditVerificationResponseDto {
  /** True when every entry matches its hash and chains from the one before. */
  intact: boolean;
  checkedEntries: number;
  firstSeq: string | null;
  lastSeq: string | null;
  checkpoint: AuditCheckpointDto | null;
  /** The first break: the entry to investigate. */
  firstBroken: AuditBrokenLinkDto | null;
  /** Every break found (at most 100). */
  broken: AuditBrokenLinkDto[];
  /** SHA-256 of the newest entry, hex: keep a copy elsewhere to detect a rewrite of the whole chain. */
  headHash: string | null;
  verifiedAt: Date;
}

export class SecurityEventResponseDto {
  /** Position in the organization's audit chain. */
  seq: string;
  at: Date;
  @ApiProperty({ example: 'auth.sign_in' })
  action: string;
  @ApiProperty({ enum: OUTCOMES })
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  /** You did it (true), or it concerned your account (a failed sign-in with your address). */
  byYou: boolean;
}

export class SecurityEventListResponseDto {
  items: SecurityEventResponseDto[];
}
