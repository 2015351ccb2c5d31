import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AddressDto, CompanyDetailsDto, CrmListQueryDto, TAG_MESSAGE, TAG_PATTERN } from '../crm.dto.js';
import { CLIENT_KINDS } from '../crm.types.js';

export class ClientResponseDto {
  id: string;
  /** @example company */
  kind: string;
  /** @example Riverside Plumbing Ltd */
  name: string;
  email: string | null;
  phone: string | null;
  address: AddressDto | null;
  company: CompanyDetailsDto | null;
  notes: string | null;
  tags: string[];
  ownerId: string | null;
  branchId: string;
  lastActivityAt: Date | null;
  /** Processing is restricted (GDPR Art. 18): the record is read-only. */
  restricted: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Send back in updates: a stale version is refused with 409 instead of overwriting. */
  version: number;
}

export class ClientListResponseDto {
  items: ClientResponseDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export class ClientListQueryDto extends CrmListQueryDto {
  @IsOptional()
  @IsIn(CLIENT_KINDS, { message: `kind must be one of ${CLIENT_KINDS.join(', ')}` })
  kind?: (typeof CLIENT_KINDS)[number];
}

export class ClientCreateDto {
  /** @example company */
  @IsIn(CLIENT_KINDS, { message: `kind must be one of ${CLIENT_KINDS.join(', ')}` })
  kind: (typeof CLIENT_KINDS)[number];

  /** @example Riverside Plumbing Ltd */
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  /** @example +44 113 496 0000 */
  @IsOptional()
  @IsString()
  @Length(3, 40, { message: 'phone must be 3 to 40 characters' })
  phone?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyDetailsDto)
  company?: CompanyDetailsDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  /** @example ["maintenance-plan"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  /** The staff member responsible; you, if omitted. */
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId: string;
}

/** Omitted fields stay as they are; `null` clears an optional one. */
export class ClientUpdateDto {
  /** The version you read; a stale one is refused with 409. */
  @IsInt()
  version: number;

  @IsOptional()
  @IsIn(CLIENT_KINDS, { message: `kind must be one of ${CLIENT_KINDS.join(', ')}` })
  kind?: (typeof CLIENT_KINDS)[number];

  @ValidateIf((body: ClientUpdateDto) => body.name !== undefined)
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @Length(3, 40, { message: 'phone must be 3 to 40 characters' })
  phone?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyDetailsDto)
  company?: CompanyDetailsDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @ValidateIf((body: ClientUpdateDto) => body.branchId !== undefined)
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;
}
