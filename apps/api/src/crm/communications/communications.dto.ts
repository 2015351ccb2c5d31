import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SyncPageQueryDto } from '../../common/pagination.dto.js';
import { COMMUNICATION_KINDS, DIRECTIONS } from '../crm.types.js';

export class CommunicationResponseDto {
  id: string;
  clientId: string | null;
  contactId: string | null;
  /** @example call */
  kind: string;
  /** @example outbound */
  direction: string;
  occurredAt: Date;
  durationMinutes: number | null;
  subject: string | null;
  body: string | null;
  authorId: string | null;
  /** The author's name, when a user who still exists. */
  authorName: string | null;
  /** Set when an integration logged it. */
  apiKeyId: string | null;
  branchId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export class CommunicationListResponseDto {
  items: CommunicationResponseDto[];
  nextCursor: string | null;
}

/**
 * The timeline: newest first. Give a client (its contacts' communications included) or a
 * contact. With `updatedSince`: oldest change first.
 */
export class CommunicationListQueryDto extends SyncPageQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a contact id' })
  contactId?: string;

  @IsOptional()
  @IsIn(COMMUNICATION_KINDS, { message: `kind must be one of ${COMMUNICATION_KINDS.join(', ')}` })
  kind?: (typeof COMMUNICATION_KINDS)[number];

  @IsOptional()
  @IsUUID('all', { message: 'authorId must be a user id' })
  authorId?: string;
}

export class CommunicationCreateDto {
  /** The client; defaults to the contact's client. */
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a contact id' })
  contactId?: string;

  /** @example call */
  @IsIn(COMMUNICATION_KINDS, { message: `kind must be one of ${COMMUNICATION_KINDS.join(', ')}` })
  kind: (typeof COMMUNICATION_KINDS)[number];

  /** @example outbound */
  @IsIn(DIRECTIONS, { message: `direction must be one of ${DIRECTIONS.join(', ')}` })
  direction: (typeof DIRECTIONS)[number];

  /** When it happened; now if omitted. */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'occurredAt must be a date and time' })
  occurredAt?: Date;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  durationMinutes?: number;

  /** @example Boiler service booked */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  body?: string;
}

export class CommunicationUpdateDto {
  @IsInt()
  version: number;

  @IsOptional()
  @IsIn(DIRECTIONS, { message: `direction must be one of ${DIRECTIONS.join(', ')}` })
  direction?: (typeof DIRECTIONS)[number];

  @ValidateIf((body: CommunicationUpdateDto) => body.occurredAt !== undefined)
  @Type(() => Date)
  @IsDate({ message: 'occurredAt must be a date and time' })
  occurredAt?: Date;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  durationMinutes?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  body?: string | null;
}
