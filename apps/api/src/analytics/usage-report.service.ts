import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import type {
  UsageDayResponseDto,
  UsageEventType,
  UsageReportQueryDto,
  UsageReportResponseDto,
} from './analytics.dto.js';
import type { BrowserFamily } from './browser-family.js';
import { ALL } from './entities/usage-daily.entity.js';
import { UsageDailyRepository } from './usage-daily.repository.js';
import { addDays, daysBetween } from './usage-day.js';

export const MAX_REPORT_DAYS = 400;
const TOP_NAMES = 10;

const invalidField = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/** The usage dashboard's numbers: the caller's organization's daily counts, never raw events. */
@Injectable()
export class UsageReportService {
  constructor(private readonly daily: UsageDailyRepository) {}

  async report(caller: AuthenticatedUser, query: UsageReportQueryDto): Promise<UsageReportResponseDto> {
    const { from, to } = query;
    const type = query.type ?? null;
    const span = daysBetween(from, to);
    if (Number.isNaN(span)) throw invalidField('from', 'from and to must be real days');
    if (span < 0) throw invalidField('to', 'to must be the same day as from or later');
    if (span >= MAX_REPORT_DAYS) throw invalidField('to', `the range can span at most ${MAX_REPORT_DAYS} days`);

    const organizationId = caller.organizationId;
    const [totals, top, browsers] = await Promise.all([
      this.daily.totals(organizationId, from, to),
      this.daily.topNames(organizationId, from, to, type, TOP_NAMES),
      this.daily.browsers(organizationId, from, to, type),
    ]);
    const days = new Map<string, UsageDayResponseDto>();
    for (let offset = 0; offset <= span; offset++) {
      const day = addDays(from, offset);
      days.set(day, { day, pageViews: 0, features: 0, sessions: 0 });
    }
    for (const row of totals) {
      const entry = days.get(row.day);
      if (!entry) continue;
      if (row.type === 'page-view' && type !== 'feature') entry.pageViews = row.events;
      if (row.type === 'feature' && type !== 'page-view') entry.features = row.events;
      if (row.type === (type ?? ALL)) entry.sessions = row.sessions;
    }
    return {
      from,
      to,
      days: [...days.values()],
      top: top.map((row) => ({ ...row, type: row.type as UsageEventType })),
      browsers: browsers.map((row) => ({ ...row, browser: row.browser as BrowserFamily })),
    };
  }
}
