import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RESTRICTION_REASONS, type RestrictionReason } from './restriction.types.js';

export class RestrictionApplyDto {
  /**
   * The ground of GDPR Art. 18(1): `accuracy_contested`, `unlawful_processing`,
   * `legal_claims` or `objection_pending`. A code, so no one's words land in the audit trail.
   */
  @ApiProperty({ enum: RESTRICTION_REASONS, example: 'accuracy_contested' })
  @IsIn(RESTRICTION_REASONS, { message: `reason must be one of ${RESTRICTION_REASONS.join(', ')}` })
  reason: RestrictionReason;
}

export class RestrictionResponseDto {
  /** Processing is restricted: the record is read-only and left out of marketing and exports. */
  restricted: boolean;
  /** Since when; null when not restricted. */
  restrictedAt: Date | null;
}
