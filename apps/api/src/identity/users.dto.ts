import { ApiProperty, IntersectionType } from '@nestjs/swagger';
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
  MaxLength,
} from 'class-validator';
import { SyncPageQueryDto } from '../common/pagination.dto.js';
import { MAIL_DELIVERIES, type MailDelivery } from '../mail/mail.service.js';
import type { UserView } from './identity.service.js';
import { ROLES, USER_STATES } from './identity.types.js';
import { AgeAnswerDto } from './sign-up.dto.js';

export class UserListQueryDto extends SyncPageQueryDto {
  /** Part of a name or email, any case. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: (typeof ROLES)[number];

  @IsOptional()
  @IsIn(USER_STATES, { message: `state must be one of ${USER_STATES.join(', ')}` })
  state?: (typeof USER_STATES)[number];

  /** Only people working in this branch. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;
}

export class UserResponseDto {
  id: string;
  email: string;
  fullName: string;
  jobTitle: string | null;
  /** @example agent */
  role: string;
  branchIds: string[];
  /** invited (has not accepted yet), active or disabled. @example active */
  state: string;
  mfaEnabled: boolean;
  emailVerified: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  /** Last change of the account (for `updatedSince`). */
  updatedAt: Date;
  version: number;
}

/** What became of an invitation email. */
export class InvitationEmailDto {
  /**
   * `sent`: the mail server took it. `queued`: the mail server did not answer; the email is
   * kept (sealed) and retried until it is sent, for up to MAIL_RETRY_HOURS. `failed`: the mail
   * server refused it for good; send the invitation again later or to another address.
   * @example sent
   */
  @ApiProperty({ enum: MAIL_DELIVERIES })
  invitationEmail: MailDelivery;
}

/** The invited person, and what became of the invitation email. */
export class UserInvitedResponseDto extends IntersectionType(UserResponseDto, InvitationEmailDto) {}

export class UserListResponseDto {
  items: UserResponseDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export class UserInviteDto {
  /** @example sam@harbor-pine.test */
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** @example Sam Carter */
  @IsString()
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  jobTitle?: string;

  /** @example agent */
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: (typeof ROLES)[number];

  /** Managers and agents need at least one. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'branchIds must hold branch ids' })
  branchIds: string[];
}

export class UserUpdateDto {
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number)
  @IsInt()
  version: number;

  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: (typeof ROLES)[number];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'branchIds must hold branch ids' })
  branchIds?: string[];
}

export class RoleResponseDto {
  /** @example manager */
  role: string;
  permissions: string[];
  /** Sees only the records of the branches the person works in. */
  branchScoped: boolean;
}

export class RoleListResponseDto {
  items: RoleResponseDto[];
}

export class InvitationPreviewResponseDto {
  organizationName: string;
  email: string;
  fullName: string;
  /** @example agent */
  role: string;
  /** The organization's minimum age: accepting asks for it. */
  minimumAge: number;
}

export class InvitationAcceptDto extends AgeAnswerDto {
  /** The token from the emailed link. */
  @IsString()
  @Length(20, 200)
  token: string;

  /** At least 12 characters; the commonest passwords are refused. */
  @IsString()
  @MaxLength(128)
  password: string;
}

export const toUserResponse = (user: UserView): UserResponseDto => ({
  id: user.id,
  email: user.email,
  fullName: user.fullName,
  jobTitle: user.jobTitle,
  role: user.role,
  branchIds: user.branchIds,
  state: user.state,
  mfaEnabled: user.mfaEnabled,
  emailVerified: user.emailVerified,
  lastSignInAt: user.lastSignInAt,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
  version: user.version,
});
