import type { RetentionRule } from '#personal-data';

/** Customer data lives as long as the organization's subscription, plus 30 days (then the organization is purged). */
export const WHILE_SUBSCRIBED: RetentionRule = {
  setting: 'retention.accountDaysAfterSubscription',
  description: 'While the organization subscribes, plus 30 days; or until erased on request',
};

export const CRM_PROCESSORS = ['Cloud infrastructure (hosting and storage)'];
