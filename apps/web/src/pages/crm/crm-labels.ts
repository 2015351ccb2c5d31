import type { ClientKind } from '../../api/use-clients';
import type { CommunicationKind, Direction } from '../../api/use-communications';

export const CLIENT_KIND_LABELS: Record<ClientKind, string> = { company: 'Company', individual: 'Individual' };
export const clientKindLabel = (kind: string) => CLIENT_KIND_LABELS[kind as ClientKind] ?? kind;

export const COMMUNICATION_KIND_LABELS: Record<CommunicationKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
};
export const COMMUNICATION_KINDS = Object.keys(COMMUNICATION_KIND_LABELS) as CommunicationKind[];
export const communicationKindLabel = (kind: string) => COMMUNICATION_KIND_LABELS[kind as CommunicationKind] ?? kind;

export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: 'Outbound',
  inbound: 'Inbound',
  internal: 'Internal',
};
export const directionLabel = (direction: string) => DIRECTION_LABELS[direction as Direction] ?? direction;

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
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

const ACTION_LABELS: Record<string, string> = {
  created: 'Created',
  updated: 'Changed',
  deleted: 'Deleted',
  restricted: 'Restricted processing',
  unrestricted: 'Lifted the restriction',
  erased: 'Erased',
};
export const actionLabel = (action: string) =>
  ACTION_LABELS[action] ?? action.charAt(0).toUpperCase() + action.slice(1);

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (value: string | Date) => dateTime.format(new Date(value));
export const formatDate = (value: string | Date | null) => (value ? dateOnly.format(new Date(value)) : '—');

/** "3 days ago", for columns where the exact time matters less than how recent it is. */
export function formatRelative(value: string | null, now = Date.now()): string {
  if (!value) return 'None yet';
  const seconds = (new Date(value).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** A date for `<input type="datetime-local">`, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

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
