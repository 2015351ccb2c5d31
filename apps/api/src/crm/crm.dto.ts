import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SyncPageQueryDto } from '../common/pagination.dto.js';
import { LIST_SORTS } from './keyset.repository.js';

export class AddressDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line1?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string;

  /** @example Leeds */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  /** @example LS1 4AP */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postcode?: string;

  /** ISO 3166 alpha-2. @example GB */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code such as GB' })
  country?: string;
}

export class CompanyDetailsDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  legalName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  registrationNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  vatNumber?: string;

  /** @example https://riverside.example */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;
}

/** Tags are lower-case words with dashes, the same rule everywhere. */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const TAG_MESSAGE = 'tags must be lower-case words with dashes, up to 40 characters';

/** `?sort=&q=` shared by the CRM lists. */
export class CrmListQueryDto extends SyncPageQueryDto {
  /** Words to find in names, emails, companies; digits match the end of phone numbers. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** Newest first by default (oldest change first with `updatedSince`). Names are encrypted at rest, so lists sort by time. */
  @IsOptional()
  @IsIn(LIST_SORTS, { message: `sort must be one of ${LIST_SORTS.join(', ')}` })
  sort?: (typeof LIST_SORTS)[number];

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @Matches(TAG_PATTERN, { message: 'tag must be a lower-case word with dashes' })
  tag?: string;

  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string;
}

export class ActivityResponseDto {
  id: string;
  /** @example updated */
  action: string;
  /** Names of the fields changed, never their values. */
  fields: string[];
  /** @example user */
  actorKind: string;
  actorId: string | null;
  /** The actor's name, when a user who still exists. */
  actorName: string | null;
  at: Date;
}

export class ActivityListResponseDto {
  items: ActivityResponseDto[];
}
