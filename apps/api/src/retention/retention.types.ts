import type { SubjectKind } from '#personal-data';
import type { HeldColumn } from '../database/held-by.js';
import type { Transaction } from '../database/transaction.service.js';

export const HOLD_SCOPES = ['organization', 'subject', 'record'] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];
export const HOLD_SUBJECT_KINDS = ['client', 'contact', 'user'] as const satisfies readonly SubjectKind[];
export type HoldActorKind = 'user' | 'api_key';

export type RunTrigger = 'schedule' | 'manual';
export type RunStatus = 'running' | 'completed' | 'failed';

/** Which rows a run or a preview covers: every organization's (scheduled) or one's (on demand). */
export interface RetentionScope {
  /** The run's fixed cut-off: rows whose retention clock started before it are eligible. */
  cutoff: Date;
  /** The instant the periods are measured back from (an organization's own period counts from it). */
  at: Date;
  organizationId: string | null;
}

/** Eligible and held rows of one organization (null: rows that belong to none, e.g. visitors' cookie proofs). */
export interface RetentionCount {
  organizationId: string | null;
  category: string;
  eligible: number;
  held: number;
}

/** What a dry run shows besides the counts. */
export interface RetentionSample {
  /** A few ids of rows that would be purged now. */
  ids: string[];
  /** When the next rows (not yet eligible) will become so. */
  nextExpiries: Date[];
}

/** Rows one batch purged, per organization and category. */
export interface RetentionPurged {
  organizationId: string | null;
  category: string;
  count: number;
}

/**
 * One retention rule: a period read from settings (the same number the privacy policy states),
 * the rows it makes eligible, and how to purge them in bounded batches. Held rows (see
 * `LegalHoldEntity`) are never eligible: every query of a rule excludes them.
 */
export interface RetentionRule {
  readonly key: string;
  /** What the rule purges, for people: "Invoices and payments". */
  readonly title: string;
  /** Settings path of the period (`retention.invoiceYears`); the policy names the same path. */
  readonly setting: string;
  /** The period's unit, for the value read from the setting. */
  readonly unit: 'hours' | 'days' | 'months' | 'years';
  /** What happens once the period is over, completing "kept {value} {unit} {from}…". */
  readonly from: string;
  /** Runs hourly rather than nightly (short periods: links, unverified requests). */
  readonly hourly?: boolean;
  /** Bounds (in `unit`) within which an organization may set its own period; absent: it may not. */
  readonly adjustable?: { min: number; max: number };
  /** Every table a run may change (its own, and what cascades or is cleaned up with it); a test holds it to that. */
  readonly touches: readonly string[];
  settingValue(): number;
  /** The cut-off at `now`: rows whose period started before it are eligible. */
  cutoff(now: Date): Date;
  count(scope: RetentionScope): Promise<RetentionCount[]>;
  /** `period`: the period in force for the scope (an organization's own, or the setting). */
  sample(scope: RetentionScope, limit: number, period: number): Promise<RetentionSample>;
  /** Purges at most `limit` eligible, unheld rows in `tx`; fewer than `limit` means none are left. */
  purge(tx: Transaction, scope: RetentionScope, limit: number): Promise<RetentionPurged[]>;
}

/**
 * A rule over one table, declared by the context that owns the table and run by the
 * retention context (`TablePurgeRepository`): the SQL is generic, the names are the owner's.
 */
export interface TableRuleSpec {
  key: string;
  title: string;
  category: string;
  table: string;
  setting: string;
  unit: RetentionRule['unit'];
  from: string;
  hourly?: boolean;
  settingValue: () => number;
  adjustable?: { min: number; max: number };
  /** SQL over alias `t` giving the instant the period runs from (`t.ended_at`). */
  startsAt: string;
  /** The key column. Default `id`. */
  idColumn?: string;
  /** Extra SQL over alias `t` a row must meet to be eligible at all (`t.status = 'closed'`). */
  where?: string;
  /** The organization column; null for tables without one. Default `organization_id`. */
  organizationColumn?: string | null;
  /** Columns a subject or record hold covers; `{ kind: 'invoice', column: 'id' }` for the row itself. */
  held?: HeldColumn[];
  /** Tables that lose rows with it (foreign keys that cascade, `afterPurge` clean-up). */
  cascades?: string[];
  /** Runs in the batch's transaction with the ids it deleted (clean-up of loose references). */
  afterPurge?: (tx: Transaction, ids: string[]) => Promise<void>;
}

/** A kind of subject or record a hold may name, and the owner's table where it must exist. */
export interface HoldTarget {
  kind: string;
  scope: 'subject' | 'record';
  /** The table (with `id` and `organization_id`) that holds it. */
  table: string;
  /**
   * For a record: the columns naming the subjects it belongs to. A hold on the record stops the
   * erasure of those subjects (erasing them would take the record or change it).
   */
  subjects?: Partial<Record<SubjectKind, string>>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `at` moved by `value` units (negative: back). Months and years move by calendar, in UTC. */
export function shiftBy(at: Date, value: number, unit: RetentionRule['unit']): Date {
  if (unit === 'hours') return new Date(at.getTime() + value * HOUR_MS);
  if (unit === 'days') return new Date(at.getTime() + value * DAY_MS);
  const shifted = new Date(at.getTime());
  shifted.setUTCMonth(shifted.getUTCMonth() + (unit === 'years' ? 12 * value : value));
  return shifted;
}

/**
 * The cut-off of a period at `now`: what started before it is past the period. Periods in
 * months or years count whole calendar days (an invoice dated 7 years ago today is kept until
 * tomorrow), shorter ones count to the instant.
 */
export function cutoffOf(now: Date, value: number, unit: RetentionRule['unit']): Date {
  const cutoff = shiftBy(now, -value, unit);
  if (unit === 'months' || unit === 'years') cutoff.setUTCHours(0, 0, 0, 0);
  return cutoff;
}

/** "7 years", "1 day". */
export function periodText(value: number, unit: RetentionRule['unit']): string {
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

/** SQL: the cut-off of `value` units (a column expression) back from the instant parameter `at`. */
export function cutoffSql(at: string, value: string, unit: RetentionRule['unit']): string {
  const shifted = `${at}::timestamptz - make_interval(${unit} => ${value})`;
  return unit === 'months' || unit === 'years' ? `date_trunc('day', ${shifted}, 'UTC')` : `(${shifted})`;
}
