import { Badge } from '@mantine/core';
import type { AuditEntry } from '../../../api/use-audit';
import { formatDateTime } from '../../../i18n/format';
import { ACTOR_KIND_LABELS, OUTCOME_LABELS } from '../../../labels';

/** The person's name, or what kind of actor it was ("API key", "System", "Anonymous"). */
export const actorOf = (entry: AuditEntry): string =>
  entry.actorName ?? ACTOR_KIND_LABELS[entry.actorKind] ?? entry.actorKind;

/** Full date and time to the second: the order of events matters here. */
export const formatInstant = (value: string) => formatDateTime(value, { seconds: true });

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const words = OUTCOME_LABELS[outcome];
  return (
    <Badge color={words?.color ?? 'gray'} variant="light">
      {words?.label ?? outcome}
    </Badge>
  );
}
