import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto.js';
import type { LegalHoldEntity } from './entities/legal-hold.entity.js';
import type { RetentionRunEntity } from './entities/retention-run.entity.js';
import { HOLD_SCOPES, type HoldScope } from './retention.types.js';

export class RetentionRuleResponseDto {
  /** @example invoices */
  key: string;
  /** @example Invoices and payments */
  title: string;
  /** The settings path the privacy policy reads too. @example retention.invoiceYears */
  setting: string;
  /** The period in force for your organization. @example 7 */
  value: number;
  /** The platform's period (the setting). @example 7 */
  platformValue: number;
  /** Your organization's own period, or null when the platform's applies. */
  organizationValue: number | null;
  /** Bounds within which your organization may set its own period; null when it may not. */
  adjustable: RetentionBoundsDto | null;
  @ApiProperty({ enum: ['hours', 'days', 'months', 'years'] })
  unit: 'hours' | 'days' | 'months' | 'years';
  /** The sentence this period produces. @example Invoices and payments are kept 7 years from the day they are issued, then deleted. */
  sentence: string;
  @ApiProperty({ enum: ['nightly', 'hourly'] })
  cadence: 'nightly' | 'hourly';
}

export class RetentionBoundsDto {
  /** @example 7 */
  min: number;
  /** @example 12 */
  max: number;
}

export class RetentionPeriodDto {
  /** Your organization's period in the rule's unit, within its bounds; null to use the platform's. @example 10 */
  @ValidateIf((body: RetentionPeriodDto) => body.value !== null)
  @IsInt({ message: 'value must be a whole number in the rule’s unit, or null for the platform’s period' })
  value: number | null;
}

export class RetentionRuleListResponseDto {
  items: RetentionRuleResponseDto[];
}

export class RetentionPreviewResponseDto {
  rule: RetentionRuleResponseDto;
  /** What started before this is past the period now. */
  cutoff: Date;
  /** Rows of your organization a run would purge now. @example 42 */
  eligible: number;
  /** Rows past the period that a legal hold keeps. @example 3 */
  held: number;
  /** Counts per category (a rule may cover several). */
  categories: RetentionPreviewCategoryDto[];
  /** A few ids of rows a run would purge now. */
  sampleIds: string[];
  /** When the next rows will be past the period. */
  nextExpiries: Date[];
}

export class RetentionPreviewCategoryDto {
  /** @example crm.invoices */
  category: string;
  eligible: number;
  held: number;
}

export class RetentionRunResponseDto {
  id: string;
  /** @example invoices */
  rule: string;
  @ApiProperty({ enum: ['schedule', 'manual'] })
  trigger: 'schedule' | 'manual';
  /** Your organization for a run on demand; null for the scheduled run over all organizations. */
  organizationId: string | null;
  /** @example retention.invoiceYears */
  setting: string;
  /** The period in force when the run started. @example 7 */
  settingValue: number;
  cutoff: Date;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] })
  status: 'running' | 'completed' | 'failed';
  /** Rows of your organization purged, per category. @example {"crm.invoices": 12} */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  purged: Record<string, number>;
  /** Rows of your organization past the period that a legal hold kept. */
  held: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Null while running. */
  durationMs: number | null;
}

export class RetentionRunListResponseDto {
  items: RetentionRunResponseDto[];
  total: number;
  nextCursor: string | null;
}

export class RetentionRunListQueryDto extends PageQueryDto {
  /** Only this rule's runs. @example invoices */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'rule must be a rule key such as invoices' })
  rule?: string;
}

export class LegalHoldCreateDto {
  /** What the hold covers: the whole organization, one data subject, or one record. */
  @ApiProperty({ enum: HOLD_SCOPES, example: 'subject' })
  @IsIn(HOLD_SCOPES, { message: `scope must be one of ${HOLD_SCOPES.join(', ')}` })
  scope: HoldScope;

  /** For a subject: client, contact or user; for a record: its kind (invoice, job…). Omit for an organization. @example contact */
  @ValidateIf((body: LegalHoldCreateDto) => body.scope !== 'organization' || body.targetKind != null)
  @IsString({ message: 'targetKind must be a kind of subject or record, such as contact or invoice' })
  @MaxLength(32, { message: 'targetKind must be a kind of subject or record, such as contact or invoice' })
  targetKind?: string | null;

  /** The subject's or record's id. Omit for an organization. */
  @ValidateIf((body: LegalHoldCreateDto) => body.scope !== 'organization' || body.targetId != null)
  @IsUUID('all', { message: 'targetId must be the id of the subject or record' })
  targetId?: string | null;

  /** The matter and its ground (a case or request reference); name the matter, not people. @example Litigation hold, matter 2026-114 */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must say which matter needs the data kept' })
  @MinLength(3, { message: 'reason must say which matter needs the data kept (at least 3 characters)' })
  @MaxLength(500, { message: 'reason is at most 500 characters' })
  reason: string;
}

export class LegalHoldReleaseDto {
  /** Why the matter no longer needs the data. @example Matter 2026-114 settled */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must say why the hold is no longer needed' })
  @MinLength(3, { message: 'reason must say why the hold is no longer needed (at least 3 characters)' })
  @MaxLength(500, { message: 'reason is at most 500 characters' })
  reason: string;
}

export class LegalHoldListQueryDto extends PageQueryDto {
  /** true: only holds in force; false: only released ones. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @IsOptional()
  @ApiProperty({ enum: HOLD_SCOPES, required: false })
  @IsIn(HOLD_SCOPES, { message: `scope must be one of ${HOLD_SCOPES.join(', ')}` })
  scope?: HoldScope;

  /** Holds naming this subject or record. */
  @IsOptional()
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId?: string;
}

export class HoldActorDto {
  @ApiProperty({ enum: ['user', 'api_key'] })
  kind: 'user' | 'api_key';
  id: string | null;
}

export class LegalHoldResponseDto {
  id: string;
  @ApiProperty({ enum: HOLD_SCOPES })
  scope: HoldScope;
  /** @example contact */
  targetKind: string | null;
  targetId: string | null;
  reason: string;
  active: boolean;
  setBy: HoldActorDto;
  setAt: Date;
  releasedBy: HoldActorDto | null;
  releasedAt: Date | null;
  releaseReason: string | null;
}

export class LegalHoldListResponseDto {
  items: LegalHoldResponseDto[];
  total: number;
  nextCursor: string | null;
}

export const toLegalHoldResponse = (hold: LegalHoldEntity): LegalHoldResponseDto => ({
  id: hold.id,
  scope: hold.scope,
  targetKind: hold.targetKind,
  targetId: hold.targetId,
  reason: hold.reason,
  active: hold.releasedAt === null,
  setBy: { kind: hold.setByKind, id: hold.setById },
  setAt: hold.setAt,
  releasedBy: hold.releasedByKind ? { kind: hold.releasedByKind, id: hold.releasedById } : null,
  releasedAt: hold.releasedAt,
  releaseReason: hold.releaseReason,
});

export const toRetentionRunResponse = (
  run: RetentionRunEntity,
  purged: Record<string, number>,
  held: number,
): RetentionRunResponseDto => ({
  id: run.id,
  rule: run.rule,
  trigger: run.trigger,
  organizationId: run.organizationId,
  setting: run.setting,
  settingValue: run.settingValue,
  cutoff: run.cutoff,
  status: run.status,
  purged,
  held,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
});
