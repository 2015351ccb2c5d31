import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { OPERATOR_STATES, type OperatorState } from './subscription.types.js';

/** The owner's view of the organization's subscription. */
export class SubscriptionResponseDto {
  organizationName: string;
  /** trial, active, past_due, ended or terminated. @example active */
  state: string;
  /** End of the current period (trial, active, past due) or of the contract (ended). */
  endsAt: Date | null;
  /** Whole days until endsAt while the subscription runs; null otherwise. */
  daysLeft: number | null;
  /** When the subscription ended or was terminated. */
  endedAt: Date | null;
  /** When an ended or terminated organization's data is deleted for good; null while it runs. */
  purgeAt: Date | null;
  /** Whole days until purgeAt. */
  daysUntilPurge: number | null;
  /** Days the data is kept after the subscription ends or is terminated (the privacy policy's promise). */
  retentionDays: number;
  /** An owner may terminate (the subscription runs). */
  canTerminate: boolean;
  /** An owner may restore (terminated, and the purge has not begun). */
  canRestore: boolean;
}

export class SubscriptionTerminateDto {
  /** The organization's name, typed to confirm (compared ignoring case and surrounding spaces). @example Riverside Plumbing */
  @IsString({ message: "confirmName must be the organization's name" })
  @MaxLength(200, { message: "confirmName must be the organization's name" })
  confirmName: string;
}

/** What the operator's billing integration sets. */
export class OperatorSubscriptionUpdateDto {
  /** trial, active or past_due keep the organization; ended starts its purge countdown. */
  @IsIn(OPERATOR_STATES, { message: `state must be one of ${OPERATOR_STATES.join(', ')}` })
  state: OperatorState;

  /**
   * End of the paid (or trial) period; required for trial and active, and in the future for
   * them. For ended: the contract's end (not in the future; defaults to now).
   * @example 2027-01-31T23:59:59Z
   */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date and time' })
  endsAt?: string | null;
}

export class OperatorSubscriptionResponseDto {
  organizationId: string;
  /** @example active */
  state: string;
  endsAt: Date | null;
  endedAt: Date | null;
  purgeAt: Date | null;
}
