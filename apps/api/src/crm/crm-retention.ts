import type { RetentionRule } from '#personal-data';
import type { Settings } from '../config/settings.js';

/** Customer data lives as long as the organization's subscription, plus a grace period (then the organization is purged). */
export const whileSubscribed = (settings: Settings): RetentionRule => ({
  setting: 'retention.accountDaysAfterSubscription',
  description: `While the organization subscribes, plus ${settings.retention.accountDaysAfterSubscription} days; or until erased on request`,
});

export const CRM_PROCESSORS = ['Cloud infrastructure (hosting and storage)'];
