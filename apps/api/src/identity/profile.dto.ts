import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { UserView } from './identity.service.js';

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl'] as const;
export const THEMES = ['light', 'dark', 'auto'] as const;

/** Profile preferences: each is optional; omitted ones stay as they are. */
export class PreferencesDto {
  /** @example en */
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: string;

  /** @example auto */
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: string;

  /** IANA time zone. @example Europe/London */
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;
}

export class ProfileResponseDto {
  id: string;
  organizationId: string;
  email: string;
  emailVerified: boolean;
  fullName: string;
  phone: string | null;
  jobTitle: string | null;
  company: string | null;
  preferences: PreferencesDto;
  /** @example agent */
  role: string;
  branchIds: string[];
  mfaEnabled: boolean;
  createdAt: Date;
  version: number;
}

/** Omitted fields stay as they are; `null` clears an optional one. */
export class ProfileUpdateDto {
  @ValidateIf((body: ProfileUpdateDto) => body.fullName !== undefined)
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName?: string;

  /** @example +44 113 496 0000 */
  @IsOptional()
  @IsString()
  @Length(3, 40, { message: 'phone must be 3 to 40 characters' })
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  jobTitle?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => PreferencesDto)
  preferences?: PreferencesDto;
}

export class PasswordChangeDto {
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  /** At least 12 characters; the commonest passwords are refused. */
  @IsString()
  @MaxLength(128)
  newPassword: string;
}

export class EmailChangeDto {
  /** The new address; it takes effect once confirmed through the link sent to it. */
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** Your current password. */
  @IsString()
  @MaxLength(128)
  password: string;
}

export const toProfileResponse = (user: UserView): ProfileResponseDto => ({
  id: user.id,
  organizationId: user.organizationId,
  email: user.email,
  emailVerified: user.emailVerified,
  fullName: user.fullName,
  phone: user.phone,
  jobTitle: user.jobTitle,
  company: user.company,
  preferences: user.preferences,
  role: user.role,
  branchIds: user.branchIds,
  mfaEnabled: user.mfaEnabled,
  createdAt: user.createdAt,
  version: user.version,
});
