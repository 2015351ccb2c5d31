/** The subscription states in words, with a badge colour. */
export const SUBSCRIPTION_STATE_LABELS: Record<string, { label: string; color: string }> = {
  trial: { label: 'Trial', color: 'blue' },
  active: { label: 'Active', color: 'teal' },
  past_due: { label: 'Payment overdue', color: 'orange' },
  ended: { label: 'Ended', color: 'red' },
  terminated: { label: 'Terminated', color: 'red' },
};

export const formatDay = (value: string | null | undefined): string =>
  value
    ? new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : '—';

export const daysInWords = (days: number): string => (days === 1 ? '1 day' : `${days} days`);
