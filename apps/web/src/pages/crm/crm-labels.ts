import type { ClientKind } from '../../api/use-clients';
import type { CommunicationKind, Direction } from '../../api/use-communications';
import { toLocalInput as zonedInput } from '../../i18n/calendar';
import { formatDate as dateOf, formatDateTime as dateTimeOf, formatRelative as relativeOf } from '../../i18n/format';
import { i18n, translateOr } from '../../i18n/i18n';

export const CLIENT_KIND_LABELS: Record<ClientKind, string> = { company: 'Company', individual: 'Individual' };
export const clientKindLabel = (kind: string) => CLIENT_KIND_LABELS[kind as ClientKind] ?? kind;

export const COMMUNICATION_KIND_LABELS: Record<CommunicationKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
};
export const COMMUNICATION_KINDS = Object.keys(COMMUNICATION_KIND_LABELS) as CommunicationKind[];
export const communicationKindLabel = (kind: string) =>
  translateOr(`labels.communicationKind.${kind}`, COMMUNICATION_KIND_LABELS[kind as CommunicationKind] ?? kind);

export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: 'Outbound',
  inbound: 'Inbound',
  internal: 'Internal',
};
export const directionLabel = (direction: string) =>
  translateOr(`labels.direction.${direction}`, DIRECTION_LABELS[direction as Direction] ?? direction);

/** Options of a direction picker, in the reader's language. */
export const directionOptions = () =>
  (Object.keys(DIRECTION_LABELS) as Direction[]).map((value) => ({ value, label: directionLabel(value) }));

/** Calls and meetings last a while; emails and notes do not. */
export const HAS_DURATION: readonly string[] = ['call', 'meeting'];

/** Words for the field names of the activity log ("changed phone, tags"). */
const FIELD_LABELS: Record<string, string> = {
  fullName: 'name',
  jobTitle: 'job title',
  clientId: 'client',
  ownerId: 'owner',
  branchId: 'branch',
  occurredAt: 'time',
  durationMinutes: 'duration',
  company: 'company details',
};
export const fieldLabel = (field: string) => translateOr(`labels.activityField.${field}`, FIELD_LABELS[field] ?? field);

const ACTION_LABELS: Record<string, string> = {
  created: 'Created',
  updated: 'Changed',
  deleted: 'Deleted',
  restricted: 'Restricted processing',
  unrestricted: 'Lifted the restriction',
  erased: 'Erased',
};
export const actionLabel = (action: string) =>
  translateOr(
    `labels.activityAction.${action}`,
    ACTION_LABELS[action] ?? action.charAt(0).toUpperCase() + action.slice(1),
  );

// Dates in the reader's locale and time zone (src/i18n/format.ts).
export const formatDateTime = (value: string | Date) => dateTimeOf(value);
export const formatDate = (value: string | Date | null) => (value ? dateOf(value) : '—');

/** "3 days ago", for columns where the exact time matters less than how recent it is. */
export const formatRelative = (value: string | null, now = Date.now()): string =>
  value ? relativeOf(value, now) : i18n.t('common.noneYet');

/** A date for `<input type="datetime-local">`, on the reader's wall clock (their profile's zone). */
export const toLocalInput = (date: Date): string => zonedInput(date);

/**
 * The API searches words of two characters or more (and phone endings of four digits);
 * anything shorter would be refused, so it is not sent.
 */
export function searchable(text: string): string | undefined {
  const trimmed = text.trim();
  const words = trimmed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const digits = words.filter((word) => /^\d+$/.test(word)).join('');
  return words.some((word) => word.length >= 2) || digits.length >= 4 ? trimmed : undefined;
}

/** Tags are lower-case words with dashes (the API's rule). */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const normaliseTag = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, '-');
