import { formatCalendarDate } from '../../../i18n/format';

/** The subscription states in words, with a badge colour. */
export const SUBSCRIPTION_STATE_LABELS: Record<string, { label: string; color: string }> = {
  trial: { label: 'Trial', color: 'blue' },
  active: { label: 'Active', color: 'teal' },
  past_due: { label: 'Payment overdue', color: 'orange' },
  ended: { label: 'Ended', color: 'red' },
  terminated: { label: 'Terminated', color: 'red' },
};

/** The UTC day of an instant (the day a subscription ends or its data goes), as that calendar day. */
export const formatDay = (value: string | null | undefined): string =>
  value
    ? formatCalendarDate(new Date(value).toISOString().slice(0, 10), { day: 'numeric', month: 'long', year: 'numeric' })
    : '—';

export const daysInWords = (days: number): string => (days === 1 ? '1 day' : `${days} days`);
