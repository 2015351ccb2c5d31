import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PURPOSE_KEY_PATTERN } from './contact-consents.types.js';

export class ConsentChoiceDto {
  /** @example marketing-email */
  @Matches(PURPOSE_KEY_PATTERN, { message: 'purposeKey must be a purpose key such as marketing-email' })
  purposeKey: string;

  /** The wording version the form showed (from GET …/consent-purposes). @example 1 */
  @Type(() => Number)
  @IsInt({ message: 'wordingVersion must be a whole number' })
  @Min(1, { message: 'wordingVersion must be 1 or more' })
  wordingVersion: number;
}

export class ConsentOptInRequestDto {
  /** @example rita@example.com */
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  /** @example Rita Rivers */
  @IsString()
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName: string;

  /** What the person ticked, each with the wording version shown. */
  @IsArray({ message: 'purposes must be a list of choices' })
  @ArrayMinSize(1, { message: 'purposes must hold at least one choice' })
  @ArrayMaxSize(20, { message: 'purposes may hold at most 20 choices' })
  @ValidateNested({ each: true })
  @Type(() => ConsentChoiceDto)
  purposes: ConsentChoiceDto[];
}

export class ConsentConfirmDto {
  /** The token from the emailed link. */
  @IsString()
  @Length(20, 200, { message: 'token must be the token from the emailed link' })
  token: string;
}

export class ConsentConfirmResponseDto {
  /** Names of the purposes now confirmed. @example ["Marketing email"] */
  confirmed: string[];
}

export class PublicConsentPurposeDto {
  /** @example marketing-email */
  key: string;
  /** @example Marketing email */
  name: string;
  /** @example email */
  channel: string;
  /** @example 1 */
  wordingVersion: number;
  /** Show exactly this to the person. */
  wording: string;
}

export class PublicConsentPurposesResponseDto {
  /** @example Riverside Plumbing */
  organizationName: string;
  purposes: PublicConsentPurposeDto[];
}
