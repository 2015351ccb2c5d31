import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { UpdatedSinceQueryDto } from '../../common/pagination.dto.js';
import { PRICING_MODES } from '../crm.types.js';
import { IsCalendarDate, TAX_CODE_MESSAGE, TAX_CODE_PATTERN } from './billing.dto.js';

export class TaxRateDto {
  /** Unique within the policy; invoice lines name it. @example STD */
  @IsString()
  @Matches(TAX_CODE_PATTERN, { message: `code ${TAX_CODE_MESSAGE}` })
  code: string;

  /** @example Standard rate */
  @IsString()
  @Length(1, 60, { message: 'name must be 1 to 60 characters' })
  name: string;

  /** Hundredths of a percent: 20% is 2000. @example 2000 */
  @IsInt({ message: 'basisPoints must be a whole number (20% is 2000)' })
  @Min(0, { message: 'basisPoints must be between 0 and 10000' })
  @Max(10_000, { message: 'basisPoints must be between 0 and 10000' })
  basisPoints: number;
}

export class TaxPolicyResponseDto {
  id: string;
  /** @example UK VAT 2026 */
  name: string;
  /** Null: the policy of the whole organization, used where a branch has none. */
  branchId: string | null;
  /** Whether line prices include tax. @example exclusive */
  pricing: string;
  rates: TaxRateDto[];
  /** @example 2026-04-01 */
  effectiveFrom: string;
  /** Last day it applies; null: open-ended. */
  effectiveTo: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Send back in updates: a stale version is refused with 409 instead of overwriting. */
  version: number;
}

export class TaxPolicyListResponseDto {
  items: TaxPolicyResponseDto[];
}

export class TaxPolicyListQueryDto extends UpdatedSinceQueryDto {
  /** Only this branch's policies. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** Only policies in effect on this day. @example 2026-04-01 */
  @IsOptional()
  @IsCalendarDate()
  at?: string;
}

export class TaxPolicyEffectiveQueryDto {
  /** The invoice's branch; omit for the organization-wide policy. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /** The invoice date; today if omitted. @example 2026-04-01 */
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class TaxPolicyCreateDto {
  /** @example UK VAT 2026 */
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name: string;

  /** The branch it applies to; omit or null for the whole organization. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string | null;

  /** exclusive: tax is added to the prices; inclusive: prices already include it. @example exclusive */
  @IsIn(PRICING_MODES, { message: `pricing must be one of ${PRICING_MODES.join(', ')}` })
  pricing: (typeof PRICING_MODES)[number];

  /** 1 to 20 rates with distinct codes. */
  @IsArray({ message: 'rates must be a list' })
  @ArrayMinSize(1, { message: 'rates needs at least one rate' })
  @ArrayMaxSize(20, { message: 'rates can have at most 20 rates' })
  @ValidateNested({ each: true })
  @Type(() => TaxRateDto)
  rates: TaxRateDto[];

  /** First day it applies. @example 2026-04-01 */
  @IsCalendarDate()
  effectiveFrom: string;

  /** Last day it applies; omit or null for open-ended. @example 2027-03-31 */
  @IsOptional()
  @IsCalendarDate()
  effectiveTo?: string | null;
}

/** Omitted fields stay as they are; `null` clears effectiveTo (open-ended) or branchId (organization-wide). */
export class TaxPolicyUpdateDto {
  /** The version you read; a stale one is refused with 409. */
  @IsInt()
  version: number;

  @ValidateIf((body: TaxPolicyUpdateDto) => body.name !== undefined)
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name?: string;

  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string | null;

  @ValidateIf((body: TaxPolicyUpdateDto) => body.pricing !== undefined)
  @IsIn(PRICING_MODES, { message: `pricing must be one of ${PRICING_MODES.join(', ')}` })
  pricing?: (typeof PRICING_MODES)[number];

  @ValidateIf((body: TaxPolicyUpdateDto) => body.rates !== undefined)
  @IsArray({ message: 'rates must be a list' })
  @ArrayMinSize(1, { message: 'rates needs at least one rate' })
  @ArrayMaxSize(20, { message: 'rates can have at most 20 rates' })
  @ValidateNested({ each: true })
  @Type(() => TaxRateDto)
  rates?: TaxRateDto[];

  @ValidateIf((body: TaxPolicyUpdateDto) => body.effectiveFrom !== undefined)
  @IsCalendarDate()
  effectiveFrom?: string;

  @IsOptional()
  @IsCalendarDate()
  effectiveTo?: string | null;
}
