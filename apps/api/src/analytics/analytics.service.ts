import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { CookieConsentService } from '../consent/cookies/cookie-consent.service.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import type { UsageEventBatchDto } from './analytics.dto.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { browserFamilyOf } from './browser-family.js';
import { type RequestOrigin, UsageSessions } from './usage-sessions.js';

/** Anonymized usage analytics: accepted only with proof of analytics consent, stored without identifiers. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly events: AnalyticsRepository,
    private readonly consent: CookieConsentService,
    private readonly sessions: UsageSessions,
  ) {}

  /**
   * Stores the batch when the consent id's latest logged choice accepts analytics for the
   * policy in force; refuses it otherwise. The consent id proves consent and is then dropped:
   * it is not stored with the events. The address and user agent only feed the day's session
   * hash and the browser family, in memory.
   */
  async record(caller: AuthenticatedUser, batch: UsageEventBatchDto, origin: RequestOrigin): Promise<number> {
    if (!(await this.consent.consents(batch.consentId, 'analytics'))) {
      throw new AppError(
        'analytics-consent-required',
        'No analytics consent is logged for this consent id under the current cookie policy; nothing was stored',
      );
    }
    const { day, hash } = await this.sessions.hashOf(caller.organizationId, origin);
    const browser = browserFamilyOf(origin.userAgent);
    await this.events.appendAll(
      batch.events.map((event) => ({
        organizationId: caller.organizationId,
        type: event.type,
        name: event.name,
        day,
        browser,
        sessionHash: hash,
      })),
    );
    return batch.events.length;
  }
}
