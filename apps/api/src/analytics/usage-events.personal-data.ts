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
import { AnalyticsRepository } from './analytics.repository.js';

export const USAGE_EVENTS = 'analytics.usage-events';

/**
 * Raw usage events, in the registry so the record of processing and the privacy policy list
 * them with their period. Events hold no identifier (no user, address, user agent, consent id
 * or exact time; the session hash's key is deleted after 48 hours), so no person's events can
 * be found: locate, export and erase have nothing of theirs, which the description says.
 */
@Injectable()
export class UsageEventsPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = USAGE_EVENTS;

  constructor(
    readonly _events: AnalyticsRepository,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description:
        'Anonymized usage events, only with your analytics consent: which pages (as route patterns such as ' +
        '/contacts/:id) and features are used, with the organization, the day and the browser family. To count ' +
        'visits without knowing who visited, each event carries a one-way hash of the organization, your ' +
        'address and your browser keyed with a random value of the day, which is deleted after 48 hours. No ' +
        'user, address, browser string, consent id or exact time is stored, so no event can be traced back to you.',
      fields: [
        { name: 'type', description: 'Page view or feature', encrypted: false },
        { name: 'name', description: 'Route pattern or feature name, without ids or query strings', encrypted: false },
        { name: 'day', description: 'Day of the event', encrypted: false },
        { name: 'browser', description: 'Browser family (Chrome, Edge, Firefox, Safari or other)', encrypted: false },
        {
          name: 'sessionHash',
          description: 'Daily session hash, which cannot be recomputed once its key is deleted after 48 hours',
          encrypted: false,
        },
      ],
      purposes: ['Decide what to improve in the product'],
      lawfulBasis: 'consent',
      retention: {
        setting: 'retention.usageEventDays',
        description: `Raw events ${this.settings.retention.usageEventDays} days after their day, once counted into the daily counts`,
      },
      processors: ['Cloud infrastructure (hosting and storage)'],
    };
  }

  async locate(_subject: DataSubject): Promise<number> {
    return 0;
  }

  /** Events are anonymous: none belongs to a subject. */
  async *export(_subject: DataSubject): AsyncIterable<ExportRecord> {}

  async erase(_subject: DataSubject, mode: ErasureMode): Promise<ErasureStep> {
    return { mode, affected: 0, more: false };
  }

  async restrict(_subject: DataSubject, _on: boolean): Promise<void> {}
}
