import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SyncPageQueryDto } from '../common/pagination.dto.js';
import {
  CORRECTION_FIELDS,
  type CorrectionField,
  type CorrectionState,
  type EventActorKind,
  type Fulfilment,
  LOGGED_CHANNELS,
  MAX_CORRECTIONS,
  MAX_EXTENSION_MONTHS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestChannel,
  type RequestEventType,
  type RequestStatus,
  type RequestType,
} from './privacy-requests.types.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One correction a rectification request proposes: a field of the person's record and its new value. */
export class ProposedCorrectionDto {
  /** @example phone */
  @IsIn(CORRECTION_FIELDS, { message: `field must be one of ${CORRECTION_FIELDS.join(', ')}` })
  field: CorrectionField;

  /** The value the requester says is right. @example +44 113 496 0001 */
  @Transform(trim)
  @IsString({ message: 'value must be text' })
  @Length(1, 254, { message: 'value must be 1 to 254 characters' })
  value: string;
}

/** Shared by every way a request arrives: corrections only for a rectification. */
export class CorrectionsInput {
  /** Rectification only: each field at most once. */
  @IsOptional()
  @IsArray({ message: 'corrections must be a list' })
  @ArrayMaxSize(MAX_CORRECTIONS, { message: `corrections must hold at most ${MAX_CORRECTIONS} fields` })
  @ValidateNested({ each: true })
  @Type(() => ProposedCorrectionDto)
  corrections?: ProposedCorrectionDto[];
}

/** What a person sends from an organization's public request form. */
export class PublicPrivacyRequestDto extends CorrectionsInput {
  /** The right exercised. @example erasure */
  @IsIn(REQUEST_TYPES, { message: `type must be one of ${REQUEST_TYPES.join(', ')}` })
  type: RequestType;

  /** Where the verification link goes; the request is matched by it. @example pat@example.com */
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  /** @example Pat Doe */
  @Transform(trim)
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName: string;

  /** What the person asks for, in their words (which data to correct, the question). */
  @IsOptional()
  @IsString({ message: 'message must be text' })
  @MaxLength(4000, { message: 'message must be at most 4000 characters' })
  message?: string;
}

/** The token from the emailed link. */
export class PrivacyRequestVerifyDto {
  @IsString({ message: 'token must be text' })
  @Length(20, 100, { message: 'token must be the token from the link' })
  token: string;
}

export class PrivacyRequestVerifiedResponseDto {
  /** @example Acme Ltd */
  organizationName: string;
  type: RequestType;
  /** The date by which the organization answers. */
  dueAt: Date;
}

/** A signed-in user's own request, filed from the privacy center. */
export class MyPrivacyRequestCreateDto extends CorrectionsInput {
  /** @example access */
  @IsIn(REQUEST_TYPES, { message: `type must be one of ${REQUEST_TYPES.join(', ')}` })
  type: RequestType;

  @IsOptional()
  @IsString({ message: 'message must be text' })
  @MaxLength(4000, { message: 'message must be at most 4000 characters' })
  message?: string;
}

export class MyPrivacyRequestResponseDto {
  id: string;
  type: RequestType;
  status: RequestStatus;
  createdAt: Date;
  /** Last change (for `updatedSince`). */
  updatedAt: Date;
  dueAt: Date | null;
  /** The organization took its one extension. */
  extended: boolean;
  closedAt: Date | null;
  /** Why the request was refused (only when rejected). */
  rejectionReason: string | null;
}

export class MyPrivacyRequestsResponseDto {
  items: MyPrivacyRequestResponseDto[];
}

/** A request an officer received by email, phone, post or in person. */
export class PrivacyRequestLogDto extends CorrectionsInput {
  /** @example erasure */
  @IsIn(REQUEST_TYPES, { message: `type must be one of ${REQUEST_TYPES.join(', ')}` })
  type: RequestType;

  /** @example email */
  @IsIn(LOGGED_CHANNELS, { message: `channel must be one of ${LOGGED_CHANNELS.join(', ')}` })
  channel: (typeof LOGGED_CHANNELS)[number];

  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  @Transform(trim)
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName: string;

  @IsOptional()
  @IsString({ message: 'message must be text' })
  @MaxLength(4000, { message: 'message must be at most 4000 characters' })
  message?: string;

  /** How the requester's identity was checked. @example Called back on the number in the contact record */
  @Transform(trim)
  @IsString({ message: 'identityCheck must be text' })
  @Length(3, 1000, { message: 'identityCheck must say how identity was checked (3 to 1000 characters)' })
  identityCheck: string;

  /** When it arrived, if earlier than now (the deadline runs from then). */
  @IsOptional()
  @Type(() => Date)
  receivedAt?: Date;
}

export class PrivacyRequestListQueryDto extends SyncPageQueryDto {
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;

  @IsOptional()
  @IsIn(REQUEST_TYPES, { message: `type must be one of ${REQUEST_TYPES.join(', ')}` })
  type?: RequestType;

  /** A user id, or `me`. */
  @IsOptional()
  @ValidateIf((query: PrivacyRequestListQueryDto) => query.assigneeId !== 'me')
  @IsUUID('all', { message: 'assigneeId must be a user id or me' })
  assigneeId?: string;

  /** true: only open requests past their deadline. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  /** An email address (matched exactly, by its blind index) or a request id. */
  @IsOptional()
  @IsString()
  @MaxLength(254, { message: 'q must be at most 254 characters' })
  q?: string;
}

export class PrivacyRequestSummaryDto {
  id: string;
  type: RequestType;
  status: RequestStatus;
  channel: RequestChannel;
  /** null once the requester was erased. */
  requesterName: string | null;
  requesterEmail: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  /** Last change (for `updatedSince`). */
  updatedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  /** Whole days to the deadline by the server's clock; negative when overdue; null when closed or unverified. */
  daysLeft: number | null;
  /** Open and past its deadline. */
  overdue: boolean;
  extended: boolean;
  closedAt: Date | null;
  fulfilment: Fulfilment | null;
  version: number;
}

export class PrivacyRequestListResponseDto {
  items: PrivacyRequestSummaryDto[];
  nextCursor: string | null;
}

export class MatchedSubjectDto {
  /** @example contact */
  @IsIn(['user', 'contact'], { message: 'kind must be user or contact' })
  kind: 'user' | 'contact';

  @IsUUID('all', { message: 'id must be an id' })
  id: string;
}

export class CandidateMatchDto {
  kind: 'user' | 'contact';
  id: string;
  /** The person's name in the record. */
  name: string | null;
  /** The officer confirmed this match. */
  confirmed: boolean;
}

export class PrivacyRequestEventActorDto {
  kind: EventActorKind;
  id: string | null;
  name: string | null;
}

export class PrivacyRequestEventDto {
  id: string;
  type: RequestEventType;
  actor: PrivacyRequestEventActorDto;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  /** Ids, dates and codes of the step (new due date, assignee id, matched subjects, erasure ids). */
  details: Record<string, unknown>;
  at: Date;
}

/** A proposed correction as the officer reviews it. */
export class CorrectionReviewDto {
  field: CorrectionField;
  /** What the requester proposes; null once the requester was erased. */
  proposed: string | null;
  /** The value in the confirmed person's record now; null when no match is confirmed or the field is empty. */
  current: string | null;
  decision: CorrectionState['decision'];
}

/** One category of an erasure: what was deleted or de-identified, and what the law keeps. */
export class ErasureCategoryReceiptDto {
  /** @example crm.invoices */
  category: string;
  /** `delete`, or `deidentify` where a legal hold keeps the record without the person. */
  mode: 'delete' | 'deidentify';
  /** Records deleted or de-identified. */
  affected: number;
  /** Records kept under a legal hold, or null. */
  retainedRecords: number | null;
  /** Why they are kept (the legal ground), or null. */
  retainedReason: string | null;
  completedAt: Date | null;
}

/** The receipt of one erasure: it survives the erasure and can be shown to the requester. */
export class ErasureReceiptDto {
  erasureId: string;
  /** @example contact */
  subjectKind: string;
  subjectId: string;
  requestedAt: Date;
  /** Null while the erasure is still running. */
  completedAt: Date | null;
  /** When the person's key was destroyed: what backups still hold became unreadable. */
  keyDestroyedAt: Date | null;
  categories: ErasureCategoryReceiptDto[];
}

export class PrivacyRequestDetailDto extends PrivacyRequestSummaryDto {
  /** Erasure and minor's-report requests: the receipt of each confirmed person's erasure. */
  erasureReceipts: ErasureReceiptDto[];
  /** A rectification's proposed corrections, current against proposed. */
  corrections: CorrectionReviewDto[];
  message: string | null;
  identityCheck: string | null;
  extensionReason: string | null;
  rejectionReason: string | null;
  /** Users and contacts with the requester's email (blind index), and whether each is confirmed. */
  candidates: CandidateMatchDto[];
  history: PrivacyRequestEventDto[];
}

/** Every action names the version it was decided on: a stale one answers 409. */
export class PrivacyRequestActionDto {
  /** @example 3 */
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  version: number;
}

export class PrivacyRequestAssignDto extends PrivacyRequestActionDto {
  /** A user holding requests:write, or null to unassign. */
  @ValidateIf((body: PrivacyRequestAssignDto) => body.assigneeId !== null)
  @IsUUID('all', { message: 'assigneeId must be a user id or null' })
  assigneeId: string | null;
}

export class PrivacyRequestMatchDto extends PrivacyRequestActionDto {
  /** The candidates that are the requester (replaces the confirmed set). */
  @ValidateNested({ each: true })
  @Type(() => MatchedSubjectDto)
  @ArrayMaxSize(20, { message: 'subjects must hold at most 20 people' })
  subjects: MatchedSubjectDto[];
}

export class PrivacyRequestExtendDto extends PrivacyRequestActionDto {
  /** Further months (Art. 12(3) GDPR: at most two). @example 2 */
  @Type(() => Number)
  @IsInt({ message: `months must be 1 to ${MAX_EXTENSION_MONTHS}` })
  @Min(1, { message: `months must be 1 to ${MAX_EXTENSION_MONTHS}` })
  @Max(MAX_EXTENSION_MONTHS, { message: `months must be 1 to ${MAX_EXTENSION_MONTHS}` })
  months: number;

  /** Emailed to the requester. @example The request covers ten years of records across three systems. */
  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @Length(10, 2000, { message: 'reason must be 10 to 2000 characters' })
  reason: string;
}

export class PrivacyRequestRejectDto extends PrivacyRequestActionDto {
  /** Emailed to the requester. @example We could not verify that you are the person the data is about. */
  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @Length(10, 2000, { message: 'reason must be 10 to 2000 characters' })
  reason: string;
}

/** Apply a proposed correction to the confirmed person's record, or keep the record as it is. */
export class PrivacyRequestCorrectionDecisionDto extends PrivacyRequestActionDto {
  /** @example phone */
  @IsIn(CORRECTION_FIELDS, { message: `field must be one of ${CORRECTION_FIELDS.join(', ')}` })
  field: CorrectionField;

  /** @example apply */
  @IsIn(['apply', 'keep'], { message: 'decision must be apply or keep' })
  decision: 'apply' | 'keep';
}

export class PrivacyRequestStatsQueryDto {
  /** Months back from now, 1–24. @example 12 */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'months must be a whole number' })
  @Min(1, { message: 'months must be between 1 and 24' })
  @Max(24, { message: 'months must be between 1 and 24' })
  months?: number;
}

export class PrivacyRequestStatsRowDto {
  type: RequestType;
  /** @example 2026-11 */
  month: string;
  received: number;
  closed: number;
  /** Mean days from receipt to close, of the closed ones. */
  daysToClose: number | null;
}

export class PrivacyRequestStatsResponseDto {
  rows: PrivacyRequestStatsRowDto[];
}
