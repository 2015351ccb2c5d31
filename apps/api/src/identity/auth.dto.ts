import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { UserView } from './identity.service.js';
import type { Role } from './identity.types.js';

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

export const toCurrentUserResponse = (user: UserView): CurrentUserResponseDto => ({
  id: user.id,
  organizationId: user.organizationId,
  email: user.email,
  fullName: user.fullName,
  role: user.role satisfies Role,
  branchIds: user.branchIds,
  jobTitle: user.jobTitle,
});
