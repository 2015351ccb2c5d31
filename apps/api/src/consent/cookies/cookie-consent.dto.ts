import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { COOKIE_CATEGORY_KEYS, type CookieCategory } from './cookie-categories.js';
import type { CookieConsentEntity } from './entities/cookie-consent.entity.js';

export class CookieCategoryDto {
  @ApiProperty({ enum: COOKIE_CATEGORY_KEYS, example: 'analytics' })
  key: CookieCategory;
  /** @example Analytics */
  name: string;
  /** Always on: cannot be refused. */
  required: boolean;
  description: string;
}

export class CookiePolicyResponseDto {
  /** The cookie policy's current revision: a choice made for an earlier one is asked again. @example 1 */
  revision: number;
  categories: CookieCategoryDto[];
}

export class CookieChoiceDto {
  /** The random id the consent manager keeps in the browser's consent cookie (its `consentId`). */
  @IsUUID('all', { message: 'consentId must be a UUID' })
  consentId: string;

  /** Every category accepted; `essential` must be among them (it cannot be refused). */
  @ApiProperty({ enum: COOKIE_CATEGORY_KEYS, isArray: true, example: ['essential', 'analytics'] })
  @IsArray({ message: 'categories must be a list of category keys' })
  @ArrayMaxSize(COOKIE_CATEGORY_KEYS.length, {
    message: `categories has at most ${COOKIE_CATEGORY_KEYS.length} entries`,
  })
  @IsString({ each: true, message: 'categories must be a list of category keys' })
  @MaxLength(32, { each: true, message: 'a category key has at most 32 characters' })
  categories: string[];

  /** The revision of the cookie policy the person was shown. @example 1 */
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be 1 or more' })
  @Max(1_000_000, { message: 'revision must be 1000000 or less' })
  revision: number;
}

export class CookieChoiceResponseDto {
  consentId: string;
  @ApiProperty({ enum: COOKIE_CATEGORY_KEYS, isArray: true, example: ['essential'] })
  categories: CookieCategory[];
  /** @example 1 */
  revision: number;
  /** When the server logged the choice. */
  recordedAt: Date;
  /** The choice is for the cookie policy in force: no need to ask again. */
  current: boolean;
}

export class MyCookieConsentResponseDto {
  /** Your latest choice on any device; null when you have made none while signed in. */
  choice: CookieChoiceResponseDto | null;
  /** @example 1 */
  currentRevision: number;
}

export function toCookieChoiceResponse(entry: CookieConsentEntity, currentRevision: number): CookieChoiceResponseDto {
  return {
    consentId: entry.consentId,
    categories: entry.categories as CookieCategory[],
    revision: entry.revision,
    recordedAt: entry.recordedAt,
    current: entry.revision === currentRevision,
  };
}
