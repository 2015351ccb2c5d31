import { Injectable } from '@nestjs/common';
import type {
  DataCategory,
  DataSubject,
  ErasureMode,
  ErasureStep,
  ExportRecord,
  PersonalDataProvider,
} from '#personal-data';
import { AppSettings } from '../config/settings.module.js';
import type { Transaction } from '../database/transaction.service.js';
import { UsageDailyRepository } from './usage-daily.repository.js';
import { monthsBefore, utcDay } from './usage-day.js';

export const USAGE_DAILY = 'analytics.usage-daily';

/**
 * The daily usage counts the nightly rollup makes from raw events: counts per organization,
 * day, page or feature and browser family. Listed so the privacy policy states how long they
 * are kept; nothing in them belongs to a person.
 */
@Injectable()
export class UsageDailyPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = USAGE_DAILY;

  constructor(
    private readonly daily: UsageDailyRepository,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description:
        'Daily counts of usage made from the anonymized usage events: for each organization and day, how ' +
        'often each page and feature was used and in how many visits, by browser family. Counts only: ' +
        'nothing in them is about one person.',
      fields: [
        { name: 'day', description: 'Day counted', encrypted: false },
        { name: 'name', description: 'Page (route pattern) or feature', encrypted: false },
        { name: 'browser', description: 'Browser family', encrypted: false },
        { name: 'events', description: 'Number of page views or uses', encrypted: false },
        { name: 'sessions', description: 'Number of visits (one browser on one day)', encrypted: false },
      ],
      purposes: ['Decide what to improve in the product'],
      lawfulBasis: 'consent',
      retention: {
        setting: 'retention.usageAggregateMonths',
        description: `Daily counts ${this.settings.retention.usageAggregateMonths} months`,
      },
      processors: ['Cloud infrastructure (hosting and storage)'],
    };
  }

  async locate(_subject: DataSubject): Promise<number> {
    return 0;
  }

  /** Counts are anonymous: none belongs to a subject. */
  async *export(_subject: DataSubject): AsyncIterable<ExportRecord> {}

  async erase(_subject: DataSubject, mode: ErasureMode): Promise<ErasureStep> {
    return { mode, affected: 0, more: false };
  }

  async restrict(_subject: DataSubject, _on: boolean): Promise<void> {}

  async purgeExpired(now: Date, batch: number): Promise<number> {
    return this.daily.deleteBefore(monthsBefore(utcDay(now), this.settings.retention.usageAggregateMonths), batch);
  }
}
