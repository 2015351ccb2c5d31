import { IsBoolean, IsEmail, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { UserView } from './identity.service.js';
import type { Role } from './identity.types.js';
import { PreferencesDto } from './profile.dto.js';

export class SignInDto {
  /** @example owner@harbor-pine.test */
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** @example harbor-pine-demo-2026 */
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(128)
  password: string;

  /** Keep the session across browser restarts (30 days by default); otherwise it ends with the browser. */
  @IsOptional()
  @IsBoolean()
  keepSignedIn?: boolean;
}

export class CurrentUserResponseDto {
  id: string;
  organizationId: string;
  email: string;
  fullName: string;
  /** @example owner */
  role: string;
  branchIds: string[];
  jobTitle: string | null;
  /** Language, theme, time zone: so the app can apply them from the start. */
  preferences: PreferencesDto;
  mfaEnabled: boolean;
  /** The organization requires MFA and it is not set up yet: only enrolment is open. */
  mfaEnrolmentRequired: boolean;
}

export class SessionResponseDto {
  /** Send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** @example Bearer */
  tokenType: string;
  /** Seconds until the access token expires; refresh before then. */
  expiresIn: number;
  user: CurrentUserResponseDto;
}

export class MfaChallengeResponseDto {
  /** Send with a code to POST /api/v1/auth/sign-in/mfa. */
  mfaToken: string;
  /** Seconds the challenge stays valid. */
  expiresIn: number;
}

export class MfaSignInDto {
  @IsString()
  @MaxLength(2000)
  mfaToken: string;

  /** The 6-digit code of the authenticator app. */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code?: string;

  /** One of the recovery codes, instead of a code. */
  @IsOptional()
  @IsString()
  @Length(8, 40)
  recoveryCode?: string;
}

export class MfaCodeDto {
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code: string;
}

export class MfaDisableDto {
  @IsString()
  @MaxLength(128)
  password: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code?: string;

  @IsOptional()
  @IsString()
  @Length(8, 40)
  recoveryCode?: string;
}

export class MfaRecoveryCodesDto {
  @IsString()
  @MaxLength(128)
  password: string;

  /** A current code of the authenticator app (a recovery code is not enough here). */
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code: string;
}

export class MfaEnrolmentResponseDto {
  /** Base32 secret, for typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a PNG data URL, for scanning. */
  qrCodeDataUrl: string;
}

export class RecoveryCodesResponseDto {
  /** Shown once. Each works once, in place of a code. */
  recoveryCodes: string[];
}

export const toCurrentUserResponse = (user: UserView, mfaEnrolmentRequired = false): CurrentUserResponseDto => ({
  id: user.id,
  organizationId: user.organizationId,
  email: user.email,
  fullName: user.fullName,
  role: user.role satisfies Role,
  branchIds: user.branchIds,
  jobTitle: user.jobTitle,
  preferences: user.preferences,
  mfaEnabled: user.mfaEnabled,
  mfaEnrolmentRequired,
});
