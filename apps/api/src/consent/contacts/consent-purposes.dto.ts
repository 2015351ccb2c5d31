import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UpdatedSinceQueryDto } from '../../common/pagination.dto.js';
import { CONSENT_CHANNELS, type ConsentChannel, PURPOSE_KEY_PATTERN } from './contact-consents.types.js';

export class ConsentPurposeCreateDto {
  /**
   * Stable machine name, used by lists, exports and integrations; cannot change later.
   * @example newsletter
   */
  @Matches(PURPOSE_KEY_PATTERN, {
    message: 'key must be 2 to 40 lower-case letters, digits and dashes, starting with a letter',
  })
  key: string;

  /** @example Monthly newsletter */
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name: string;

  /** @example email */
  @IsIn(CONSENT_CHANNELS, { message: `channel must be one of ${CONSENT_CHANNELS.join(', ')}` })
  channel: ConsentChannel;

  /** Direct marketing: an objection always stops it, and marketing lists and exports check it. */
  @IsBoolean({ message: 'marketing must be true or false' })
  marketing: boolean;

  /**
   * The words shown to the person when asking. Version 1; changing it later adds version 2.
   * @example Send me the monthly newsletter. I can unsubscribe at any time.
   */
  @IsString()
  @Length(10, 2000, { message: 'wording must be 10 to 2000 characters' })
  wording: string;
}

export class ConsentPurposeUpdateDto {
  /** The `version` you read; a stale one answers 409. */
  @IsInt({ message: 'version must be the version you read' })
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name?: string;

  @IsOptional()
  @IsIn(CONSENT_CHANNELS, { message: `channel must be one of ${CONSENT_CHANNELS.join(', ')}` })
  channel?: ConsentChannel;

  @IsOptional()
  @IsBoolean({ message: 'marketing must be true or false' })
  marketing?: boolean;

  /** New wording: becomes the next version; earlier versions stay, as entries point at them. */
  @IsOptional()
  @IsString()
  @Length(10, 2000, { message: 'wording must be 10 to 2000 characters' })
  wording?: string;
}

export class ConsentPurposeArchiveDto {
  @IsInt({ message: 'version must be the version you read' })
  version: number;
}

export class ConsentPurposeListQueryDto extends UpdatedSinceQueryDto {
  /** Include archived purposes (their history stays readable). */
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  includeArchived?: boolean;
}

export class ConsentWordingResponseDto {
  /** @example 2 */
  version: number;
  /** @example I would like to receive news and offers by email. I can unsubscribe at any time. */
  text: string;
  createdAt: Date;
}

export class ConsentPurposeResponseDto {
  id: string;
  /** @example marketing-email */
  key: string;
  /** @example Marketing email */
  name: string;
  /** @example email */
  channel: string;
  marketing: boolean;
  /** The wording asked with now. */
  wording: ConsentWordingResponseDto;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export class ConsentPurposeDetailResponseDto extends ConsentPurposeResponseDto {
  /** Every wording version, oldest first. */
  wordings: ConsentWordingResponseDto[];
}

export class ConsentPurposeListResponseDto {
  items: ConsentPurposeResponseDto[];
}
