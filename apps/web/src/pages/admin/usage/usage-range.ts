const DAY_MS = 86_400_000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const PRESETS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'Year' },
] as const;

/** The longest range the API answers (days, inclusive). */
export const MAX_DAYS = 400;

/**
 * The last `days` days that are counted: up to yesterday (UTC), since today's usage is
 * rolled up tonight.
 */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const yesterday = now.getTime() - DAY_MS;
  return { from: isoDay(new Date(yesterday - (days - 1) * DAY_MS)), to: isoDay(new Date(yesterday)) };
}

/** Why a range cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'Pick both days.';
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  if (span < 0) return 'The last day must be on or after the first.';
  if (span >= MAX_DAYS) return `Pick at most ${MAX_DAYS} days.`;
  return null;
}
