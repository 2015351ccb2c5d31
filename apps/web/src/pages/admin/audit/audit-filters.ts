import type { AuditFilters, AuditOutcome } from '../../../api/use-audit';
import { toLocalInput as zonedInput, fromLocalInput as zonedInstant } from '../../../i18n/calendar';
import { AUDIT_FAMILY_LABELS, auditActionLabel } from '../../../labels';

/** The query parameters of the page that are filters (the URL is the view to share). */
export const FILTER_NAMES = ['from', 'to', 'actorId', 'action', 'targetType', 'targetId', 'outcome'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** The entry whose drawer is open, by its position in the chain. */
export const ENTRY_PARAM = 'entry';

const OUTCOMES: readonly string[] = ['success', 'failure', 'denied'] satisfies AuditOutcome[];

const isInstant = (value: string) => !Number.isNaN(Date.parse(value));

/**
 * The filters a URL holds. Values the API would refuse outright (an outcome it does not
 * know, a time that is no time) are dropped rather than turned into an error page.
 */
export function filtersOf(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if ((name === 'from' || name === 'to') && !isInstant(value)) continue;
    if (name === 'outcome') {
      if (OUTCOMES.includes(value)) filters.outcome = value as AuditOutcome;
      continue;
    }
    filters[name] = value;
  }
  return filters;
}

/** Filters to set (a value) or clear (null). */
export type FilterChanges = Partial<Record<FilterName, string | null>>;

/** The URL with some filters set or cleared; paging restarts, an open entry stays open. */
export function withFilters(params: URLSearchParams, changes: FilterChanges): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/** The URL without any filter. */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_NAMES) next.delete(name);
  return next;
}

/** A `<input type="datetime-local">` value (the reader's wall clock, in their profile's zone) for an instant. */
export function toLocalInput(instant: string | undefined): string {
  if (!instant || !isInstant(instant)) return '';
  return zonedInput(new Date(instant));
}

/** The instant a `datetime-local` value means in the reader's time zone, or null while incomplete. */
export function fromLocalInput(value: string): string | null {
  return zonedInstant(value)?.toISOString() ?? null;
}

/** The actions as grouped options: per family, "any of it" (when it has several), then each action. */
export function actionOptions(actions: readonly string[]) {
  const families = new Map<string, string[]>();
  for (const action of actions) {
    const family = action.split('.')[0];
    families.set(family, [...(families.get(family) ?? []), action]);
  }
  return [...families].map(([family, members]) => {
    const words = AUDIT_FAMILY_LABELS[family];
    const items = members.map((action) => ({ value: action, label: auditActionLabel(action) }));
    const any = { value: `${family}.`, label: words?.any ?? `Any ${family.replaceAll('_', ' ')} event` };
    return { group: words?.group ?? family, items: members.length > 1 ? [any, ...items] : items };
  });
}
