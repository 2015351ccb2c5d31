import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { ALL } from './entities/usage-daily.entity.js';
import { type NewUsageDaily, UsageDailyRepository } from './usage-daily.repository.js';
import { addDays, utcDay } from './usage-day.js';

const DEMO_DAYS = 28;
const BROWSERS: Array<[string, number]> = [
  ['Chrome', 0.5],
  ['Firefox', 0.2],
  ['Safari', 0.2],
  ['Edge', 0.1],
];
/** Name, share of visits that use it, uses per such visit. */
const PAGES: Array<[string, number, number]> = [
  ['/', 1, 1],
  ['/contacts', 0.7, 3],
  ['/contacts/:id', 0.6, 4],
  ['/jobs', 0.5, 2],
  ['/schedule', 0.4, 2],
  ['/invoices', 0.2, 2],
];
const FEATURES: Array<[string, number, number]> = [
  ['contacts.search', 0.5, 3],
  ['jobs.status-change', 0.3, 2],
  ['contacts.export', 0.05, 1],
  ['invoices.issue', 0.1, 1],
];

/**
 * Four weeks of made-up daily counts for the demo organization, so the usage dashboard has
 * something to show on `npm start`. Aggregates only, consistent with one another (totals are
 * the visits, names a share of them); weekends are quieter.
 */
@Injectable()
export class UsageDemoSeed {
  constructor(
    private readonly daily: UsageDailyRepository,
    private readonly clock: Clock,
  ) {}

  /** Once: an organization with any counts is left alone. */
  async seedIfEmpty(organizationId: string): Promise<void> {
    if (await this.daily.hasAny(organizationId)) return;
    const yesterday = addDays(utcDay(this.clock.now()), -1);
    const rows: NewUsageDaily[] = [];
    for (let ago = DEMO_DAYS - 1; ago >= 0; ago--) {
      const day = addDays(yesterday, -ago);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const base = (weekday === 0 || weekday === 6 ? 6 : 22) + ((ago * 7) % 5);
      for (const [browser, weight] of BROWSERS) {
        const visits = Math.max(1, Math.round(base * weight));
        const cell = (type: string, name: string, sessions: number, events: number) =>
          rows.push({ organizationId, day, type, name, browser, sessions, events });
        const count = (items: Array<[string, number, number]>, type: string) => {
          let events = 0;
          let sessions = 0;
          for (const [name, share, perVisit] of items) {
            const used = Math.round(visits * share);
            if (used === 0) continue;
            cell(type, name, used, used * perVisit);
            events += used * perVisit;
            sessions = Math.max(sessions, used);
          }
          if (events > 0) cell(type, ALL, sessions, events);
          return events;
        };
        const events = count(PAGES, 'page-view') + count(FEATURES, 'feature');
        cell(ALL, ALL, visits, events);
      }
    }
    await this.daily.insertAll(rows);
  }
}
