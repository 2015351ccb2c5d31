import { IsIn, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ConsentRatesQueryDto {
  /** First day (UTC), YYYY-MM-DD; defaults to 29 days before `to`. @example 2026-11-01 */
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  /** Last day (UTC), YYYY-MM-DD; defaults to today. @example 2026-11-30 */
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;

  /** One point per day or per week. @example day */
  @IsOptional()
  @IsIn(['day', 'week'], { message: 'interval must be day or week' })
  interval?: 'day' | 'week';
}

export class ConsentRatePointDto {
  /** First day of the period. @example 2026-11-01 */
  periodStart: string;
  /** @example marketing-email */
  purposeKey: string;
  /** Contacts whose latest entry at the end of the period was a grant or a confirmed opt-in. @example 42 */
  validContacts: number;
  /** Contacts with any entry for the purpose by the end of the period. @example 60 */
  recordedContacts: number;
  /** validContacts / recordedContacts, or null when nobody was asked yet. @example 0.7 */
  rate: number | null;
}

export class ConsentRatePurposeDto {
  key: string;
  name: string;
  marketing: boolean;
}

export class ConsentRatesResponseDto {
  /** @example day */
  interval: string;
  from: string;
  to: string;
  purposes: ConsentRatePurposeDto[];
  points: ConsentRatePointDto[];
}
