/**
 * An organization's subscription. trial, active and past_due keep everything; ended (set by
 * the operator's billing integration) and terminated (the owner ended the contract) start the
 * purge clock: the organization is purged `retention.accountDaysAfterSubscription` days later.
 */
export const SUBSCRIPTION_STATES = ['trial', 'active', 'past_due', 'ended', 'terminated'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** States in which the organization's data is kept with no purge date. */
export const RUNNING_STATES = ['trial', 'active', 'past_due'] as const satisfies readonly SubscriptionState[];
export type RunningState = (typeof RUNNING_STATES)[number];

/** States the operator's billing integration may set (terminating is the owner's act). */
export const OPERATOR_STATES = ['trial', 'active', 'past_due', 'ended'] as const satisfies readonly SubscriptionState[];
export type OperatorState = (typeof OPERATOR_STATES)[number];

export const isRunning = (state: SubscriptionState): state is RunningState =>
  (RUNNING_STATES as readonly string[]).includes(state);

/** Days before the end of a subscription its renewal reminders go out. */
export const RENEWAL_REMINDER_DAYS = [14, 3] as const;
/** Days before the purge of an ended or terminated organization its countdown emails go out. */
export const PURGE_REMINDER_DAYS = [7, 1] as const;

export const DAY_MS = 86_400_000;

/**
 * An organization as the subscriptions context sees it. The columns live on `organizations`
 * (identity declares them for the schema) but only this context reads and writes them.
 */
export interface OrganizationSubscription {
  id: string;
  name: string;
  slug: string;
  subscriptionState: SubscriptionState;
  subscriptionEndsAt: Date | null;
  subscriptionEndedAt: Date | null;
  terminatedFromState: SubscriptionState | null;
}
