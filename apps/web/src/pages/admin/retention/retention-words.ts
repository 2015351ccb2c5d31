import type { RetentionRule, RetentionRun } from '../../../api/use-retention';
import { saveFile } from '../../../components/save-file';
import { formatNumber } from '../../../i18n/format';

export const TRIGGER_LABELS: Record<RetentionRun['trigger'], string> = {
  schedule: 'Scheduled',
  manual: 'On demand',
};

export const RUN_STATUS_LABELS: Record<RetentionRun['status'], { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  completed: { label: 'Completed', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

export const CADENCE_LABELS: Record<RetentionRule['cadence'], string> = {
  nightly: 'Runs every night',
  hourly: 'Runs every hour',
};

/** "7 years", "1 day": a period as the rules state it. */
export const periodText = (value: number, unit: RetentionRule['unit']) =>
  `${formatNumber(value)} ${value === 1 ? unit.slice(0, -1) : unit}`;

/** "1 row", "42 rows". */
export const rowsText = (count: number) => `${formatNumber(count)} ${count === 1 ? 'row' : 'rows'}`;

export const purgedTotal = (run: RetentionRun) => Object.values(run.purged).reduce((sum, count) => sum + count, 0);

/** "850 ms", "12 s", "3 min 5 s"; a dash while the run goes on. */
export function durationText(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A run's receipt as a JSON file, as the API returned it. */
export function downloadReceipt(run: RetentionRun): void {
  const blob = new Blob([`${JSON.stringify(run, null, 2)}\n`], { type: 'application/json' });
  saveFile(blob, `retention-receipt-${run.rule}-${run.id}.json`);
}
