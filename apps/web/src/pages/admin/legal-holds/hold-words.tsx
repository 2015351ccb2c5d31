import { Anchor, Code, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HoldScope, LegalHold } from '../../../api/use-legal-holds';

export const SCOPE_LABELS: Record<HoldScope, string> = {
  organization: 'Whole organization',
  subject: 'Data subject',
  record: 'Record',
};

export const KIND_LABELS: Record<string, string> = {
  client: 'Client',
  contact: 'Contact',
  user: 'User',
  invoice: 'Invoice',
  job: 'Job',
  communication: 'Communication',
  visit: 'Visit',
  'privacy-request': 'Privacy request',
};

export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

/** Where the SPA shows a kind of record, for the kinds it has a page for. */
const PAGE_OF: Record<string, (id: string) => string> = {
  client: (id) => `/clients/${id}`,
  contact: (id) => `/contacts/${id}`,
  job: (id) => `/jobs/${id}`,
  invoice: (id) => `/invoices/${id}`,
  'privacy-request': (id) => `/admin/privacy-requests/${id}`,
};

/** What a hold names: the whole organization, or a kind and an id (a link where the record has a page). */
export function HoldTarget({ hold }: { hold: LegalHold }) {
  if (hold.scope === 'organization' || !hold.targetKind || !hold.targetId) {
    return <Text size="sm">Everything of the organization</Text>;
  }
  const page = PAGE_OF[hold.targetKind];
  const label = `${kindLabel(hold.targetKind)} ${hold.targetId.slice(0, 8)}`;
  return (
    <>
      {page ? (
        <Anchor
          component={Link}
          to={page(hold.targetId)}
          size="sm"
          aria-label={`${kindLabel(hold.targetKind)} ${hold.targetId}`}
        >
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      <Text size="xs" c="dimmed">
        <Code style={{ overflowWrap: 'anywhere' }}>{hold.targetId}</Code>
      </Text>
    </>
  );
}
