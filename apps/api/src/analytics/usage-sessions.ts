import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { addDays, utcDay } from './usage-day.js';

export const SALT_BYTES = 32;
/** Salts of days before yesterday are deleted: a salt lives at most 48 hours after its day began. */
export const SALT_DAYS_KEPT = 2;

/** Where a request came from, held in memory for the hash and never stored. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Daily session hashes, the Plausible model: HMAC-SHA256 under the day's random salt of the
 * organization, the address and the user agent. The address and user agent stay in memory;
 * once the salt is deleted nobody (us included) can tell whose hash a row holds, and hashes
 * of different days cannot be linked, so a "session" is one browser on one day.
 */
@Injectable()
export class UsageSessions {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly clock: Clock,
  ) {}

  async hashOf(organizationId: string, origin: RequestOrigin): Promise<{ day: string; hash: Buffer }> {
    const now = this.clock.now();
    const day = utcDay(now);
    const { salt, made } = await this.repository.saltOf(day, () => randomBytes(SALT_BYTES), now);
    // The first event of a day also clears out salts past their 48 hours (the nightly job does too).
    if (made) await this.deleteExpiredSalts(day);
    const hash = createHmac('sha256', salt)
      .update(`${organizationId}\n${origin.ip ?? ''}\n${origin.userAgent ?? ''}`)
      .digest();
    return { day, hash };
  }

  /** Deletes salts of days before yesterday (relative to `today`); returns how many went. */
  deleteExpiredSalts(today: string = utcDay(this.clock.now())): Promise<number> {
    return this.repository.deleteSaltsBefore(addDays(today, 1 - SALT_DAYS_KEPT));
  }
}
