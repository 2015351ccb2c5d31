import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { SyncPageQueryDto } from '../../common/pagination.dto.js';
import { AddressDto } from '../crm.dto.js';
import { JOB_PRIORITIES, JOB_STATUSES, type JobPriority, type JobStatus } from '../crm.types.js';
import { LIST_SORTS, type ListSort } from '../keyset.repository.js';

/** `?status=new,scheduled` and `?status=new&status=scheduled` both mean "either". */
const listOf = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((part) => (typeof part === 'string' ? part.split(',') : [part]))
    .map((part) => (typeof part === 'string' ? part.trim() : part))
    .filter((part) => part !== '');

/** A user id, or `me` for the caller. */
export const USER_ID_OR_ME = /^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DUE_ON_MESSAGE = 'dueOn must be a date such as 2030-05-31';

export class JobResponseDto {
  id: string;
  /** Sequential within the organization. @example 1042 */
  number: number;
  clientId: string;
  /** @example scheduled */
  status: JobStatus;
  /** @example normal */
  priority: JobPriority;
  assignedUserIds: string[];
  /** @example 2030-05-31 */
  dueOn: string | null;
  /** Set when the job moved to completed. */
  completedAt: Date | null;
  branchId: string;
  /** @example Replace boiler pressure valve */
  title: string;
  siteAddress: AddressDto | null;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Send back in updates: a stale version is refused with 409 instead of overwriting. */
  version: number;
}

export class JobListResponseDto {
  items: JobResponseDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export class JobListQueryDto extends SyncPageQueryDto {
  /** One status or several, comma-separated (`new,scheduled`) or repeated. */
  @IsOptional()
  @Transform(listOf)
  @IsIn(JOB_STATUSES, { each: true, message: `status must be one or more of ${JOB_STATUSES.join(', ')}` })
  status?: JobStatus[];

  /** One priority or several, comma-separated (`high,urgent`) or repeated. */
  @IsOptional()
  @Transform(listOf)
  @IsIn(JOB_PRIORITIES, { each: true, message: `priority must be one or more of ${JOB_PRIORITIES.join(', ')}` })
  priority?: JobPriority[];

  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  /** A staff member's id, or `me` for your own jobs. */
  @IsOptional()
  @Matches(USER_ID_OR_ME, { message: 'assigneeId must be a user id or me' })
  assigneeId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** Newest first by default (oldest change first with `updatedSince`). Titles are encrypted at rest, so lists sort by time. */
  @IsOptional()
  @IsIn(LIST_SORTS, { message: `sort must be one of ${LIST_SORTS.join(', ')}` })
  sort?: ListSort;
}

export class JobBoardQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** A staff member's id, or `me` for your own jobs. */
  @IsOptional()
  @Matches(USER_ID_OR_ME, { message: 'assigneeId must be a user id or me' })
  assigneeId?: string;
}

/** How many jobs are in each status. */
export class JobStatusCountsDto {
  new: number;
  scheduled: number;
  in_progress: number;
  completed: number;
  invoiced: number;
  cancelled: number;
}

export class JobBoardColumnDto {
  /** @example new */
  status: JobStatus;
  /** The newest jobs in this status, at most 50. */
  items: JobResponseDto[];
}

export class JobBoardResponseDto {
  counts: JobStatusCountsDto;
  /** One column per open status: new, scheduled, in_progress. */
  columns: JobBoardColumnDto[];
}

export class JobCreateDto {
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId: string;

  /** @example Replace boiler pressure valve */
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  /** Where the work happens, when not the client's own address. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  siteAddress?: AddressDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000, { message: 'description must be at most 10000 characters' })
  description?: string | null;

  /** Normal if omitted. */
  @IsOptional()
  @IsIn(JOB_PRIORITIES, { message: `priority must be one of ${JOB_PRIORITIES.join(', ')}` })
  priority?: JobPriority;

  /** Staff doing the work. Agents are always among them (you, if omitted and you are an agent). */
  @IsOptional()
  @IsArray({ message: 'assignedUserIds must be a list of user ids' })
  @ArrayMaxSize(20, { message: 'at most 20 people can be assigned' })
  @IsUUID('all', { each: true, message: 'assignedUserIds must be a list of user ids' })
  assignedUserIds?: string[];

  /** @example 2030-05-31 */
  @IsOptional()
  @Matches(DATE_ONLY, { message: DUE_ON_MESSAGE })
  @IsISO8601({ strict: true }, { message: DUE_ON_MESSAGE })
  dueOn?: string | null;

  /** The client's branch if omitted. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;
}

/** Omitted fields stay as they are; `null` clears an optional one. Status changes go through /status. */
export class JobUpdateDto {
  /** The version you read; a stale one is refused with 409. */
  @IsInt({ message: 'version must be the whole number you read' })
  version: number;

  @ValidateIf((body: JobUpdateDto) => body.title !== undefined)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  siteAddress?: AddressDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000, { message: 'description must be at most 10000 characters' })
  description?: string | null;

  @ValidateIf((body: JobUpdateDto) => body.priority !== undefined)
  @IsIn(JOB_PRIORITIES, { message: `priority must be one of ${JOB_PRIORITIES.join(', ')}` })
  priority?: JobPriority;

  @ValidateIf((body: JobUpdateDto) => body.assignedUserIds !== undefined)
  @IsArray({ message: 'assignedUserIds must be a list of user ids' })
  @ArrayMaxSize(20, { message: 'at most 20 people can be assigned' })
  @IsUUID('all', { each: true, message: 'assignedUserIds must be a list of user ids' })
  assignedUserIds?: string[];

  @IsOptional()
  @Matches(DATE_ONLY, { message: DUE_ON_MESSAGE })
  @IsISO8601({ strict: true }, { message: DUE_ON_MESSAGE })
  dueOn?: string | null;
}

export class JobStatusChangeDto {
  /** The version you read; a stale one is refused with 409. */
  @IsInt({ message: 'version must be the whole number you read' })
  version: number;

  /**
   * new → scheduled → in_progress → completed → invoiced; cancelled from new, scheduled or
   * in_progress. Any other move answers 409 naming the allowed next states.
   * @example in_progress
   */
  @IsIn(JOB_STATUSES, { message: `status must be one of ${JOB_STATUSES.join(', ')}` })
  status: JobStatus;
}
