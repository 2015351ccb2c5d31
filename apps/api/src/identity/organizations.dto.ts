import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { BranchEntity } from './entities/branch.entity.js';
import type { OrganizationEntity } from './entities/organization.entity.js';

export class OrganizationResponseDto {
  id: string;
  name: string;
  slug: string;
  /** Sign-up refuses anyone younger. 18 by default; 13 is the lowest allowed. */
  minUserAge: number;
  mfaRequired: boolean;
  dataRegion: string;
  accessTokenMinutes: number;
  persistentSessionDays: number;
  /** @example trial */
  subscriptionState: string;
  subscriptionEndsAt: Date | null;
  /** Send back in updates: a stale version is refused with 409 instead of overwriting. */
  version: number;
}

export class OrganizationUpdateDto {
  /** The version you read; the update is refused with 409 if someone changed it since. */
  @IsInt()
  version: number;

  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @IsOptional()
  @IsInt()
  @Min(13, { message: 'minUserAge must be between 13 and 18' })
  @Max(18, { message: 'minUserAge must be between 13 and 18' })
  minUserAge?: number;

  @IsOptional()
  @IsBoolean()
  mfaRequired?: boolean;

  @IsOptional()
  @IsString()
  @Length(2, 40)
  dataRegion?: string;

  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(60)
  accessTokenMinutes?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  persistentSessionDays?: number;
}

export class BranchResponseDto {
  id: string;
  name: string;
  /** Last change (for `updatedSince`). */
  updatedAt: Date;
  version: number;
}

export class BranchListResponseDto {
  items: BranchResponseDto[];
}

export class BranchCreateDto {
  /** @example Leeds */
  @IsString()
  @Length(1, 120)
  name: string;
}

export class BranchUpdateDto {
  @IsInt()
  version: number;

  @IsString()
  @Length(1, 120)
  name: string;
}

export const toOrganizationResponse = (organization: OrganizationEntity): OrganizationResponseDto => ({
  id: organization.id,
  name: organization.name,
  slug: organization.slug,
  minUserAge: organization.minUserAge,
  mfaRequired: organization.mfaRequired,
  dataRegion: organization.dataRegion,
  accessTokenMinutes: organization.accessTokenMinutes,
  persistentSessionDays: organization.persistentSessionDays,
  subscriptionState: organization.subscriptionState,
  subscriptionEndsAt: organization.subscriptionEndsAt,
  version: organization.version,
});

export const toBranchResponse = (branch: BranchEntity): BranchResponseDto => ({
  id: branch.id,
  name: branch.name,
  updatedAt: branch.updatedAt,
  version: branch.version,
});
