import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { UpdatedSinceQueryDto } from '../../common/pagination.dto.js';
import { SCHEDULE_KINDS, SCHEDULE_STATUSES, type ScheduleKind, type ScheduleStatus } from '../crm.types.js';
import { USER_ID_OR_ME } from './jobs.dto.js';

/** A time without an offset means different instants on different servers: ask for one. */
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const instantMessage = (field: string) =>
  `${field} must be an ISO 8601 date-time with a time zone, such as 2030-05-31T09:00:00Z`;

export class ScheduleEntryResponseDto {
  id: string;
  /** @example job_visit */
  kind: ScheduleKind;
  jobId: string | null;
  clientId: string | null;
  /** The staff member whose calendar it is in. */
  assigneeId: string;
  startsAt: Date;
  endsAt: Date;
  /** @example planned */
  status: ScheduleStatus;
  /** @example Boiler service visit */
  title: string;
  notes: string | null;
  branchId: string;
  createdAt: Date;
  updatedAt: Date;
  /** Send back in updates: a stale version is refused with 409 instead of overwriting. */
  version: number;
}

export class ScheduleListResponseDto {
  /** Entries overlapping the window, by start time. */
  items: ScheduleEntryResponseDto[];
  /** True when the window held more entries than one answer carries (2000): ask for a narrower one. */
  truncated: boolean;
}

/**
 * A window of the calendar, by start time. `updatedSince` narrows it to entries changed since
 * (the window stays required: sync a calendar window by window).
 */
export class ScheduleWindowQueryDto extends UpdatedSinceQueryDto {
  /** Start of the window (inclusive). @example 2030-05-01T00:00:00Z */
  @Matches(WITH_ZONE, { message: instantMessage('from') })
  @IsISO8601({ strict: true }, { message: instantMessage('from') })
  from: string;

  /** End of the window (exclusive); at most 62 days after `from`. @example 2030-06-01T00:00:00Z */
  @Matches(WITH_ZONE, { message: instantMessage('to') })
  @IsISO8601({ strict: true }, { message: instantMessage('to') })
  to: string;

  /** A staff member's id, or `me` for your own calendar. */
  @IsOptional()
  @Matches(USER_ID_OR_ME, { message: 'assigneeId must be a user id or me' })
  assigneeId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** Only the visits of this job. */
  @IsOptional()
  @IsUUID('all', { message: 'jobId must be a job id' })
  jobId?: string;

  /** Only the entries concerning this client. */
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;
}

export class ScheduleEntryCreateDto {
  /** @example job_visit */
  @IsIn(SCHEDULE_KINDS, { message: `kind must be one of ${SCHEDULE_KINDS.join(', ')}` })
  kind: ScheduleKind;

  /** Required for a job visit. */
  @ValidateIf((body: ScheduleEntryCreateDto) => body.kind === 'job_visit' || body.jobId != null)
  @IsUUID('all', { message: 'jobId must be a job id (a job visit needs one)' })
  jobId?: string | null;

  /** The job's client if omitted; none for an internal appointment. */
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string | null;

  /** Whose calendar. Agents book only their own. */
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId: string;

  /** @example 2030-05-31T09:00:00Z */
  @Matches(WITH_ZONE, { message: instantMessage('startsAt') })
  @IsISO8601({ strict: true }, { message: instantMessage('startsAt') })
  startsAt: string;

  /** After `startsAt`, at most 24 hours later. @example 2030-05-31T11:00:00Z */
  @Matches(WITH_ZONE, { message: instantMessage('endsAt') })
  @IsISO8601({ strict: true }, { message: instantMessage('endsAt') })
  endsAt: string;

  /** @example Boiler service visit */
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000, { message: 'notes must be at most 10000 characters' })
  notes?: string | null;

  /** The job's or the client's branch if omitted; required for an internal appointment. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** Book even though the assignee already has an entry at that time. */
  @IsOptional()
  @IsBoolean({ message: 'allowDoubleBooking must be true or false' })
  allowDoubleBooking?: boolean;
}

/** Omitted fields stay as they are; `null` clears the notes. */
export class ScheduleEntryUpdateDto {
  /** The version you read; a stale one is refused with 409. */
  @IsInt({ message: 'version must be the whole number you read' })
  version: number;

  @ValidateIf((body: ScheduleEntryUpdateDto) => body.startsAt !== undefined)
  @Matches(WITH_ZONE, { message: instantMessage('startsAt') })
  @IsISO8601({ strict: true }, { message: instantMessage('startsAt') })
  startsAt?: string;

  @ValidateIf((body: ScheduleEntryUpdateDto) => body.endsAt !== undefined)
  @Matches(WITH_ZONE, { message: instantMessage('endsAt') })
  @IsISO8601({ strict: true }, { message: instantMessage('endsAt') })
  endsAt?: string;

  /** Moves the entry to another person's calendar (not for agents). */
  @ValidateIf((body: ScheduleEntryUpdateDto) => body.assigneeId !== undefined)
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string;

  @ValidateIf((body: ScheduleEntryUpdateDto) => body.title !== undefined)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000, { message: 'notes must be at most 10000 characters' })
  notes?: string | null;

  @ValidateIf((body: ScheduleEntryUpdateDto) => body.status !== undefined)
  @IsIn(SCHEDULE_STATUSES, { message: `status must be one of ${SCHEDULE_STATUSES.join(', ')}` })
  status?: ScheduleStatus;

  /** Keep the change even though the assignee already has an entry at that time. */
  @ValidateIf((body: ScheduleEntryUpdateDto) => body.allowDoubleBooking !== undefined)
  @IsBoolean({ message: 'allowDoubleBooking must be true or false' })
  allowDoubleBooking?: boolean;
}
