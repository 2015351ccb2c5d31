import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  CopyButton,
  Drawer,
  Group,
  Loader,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { type AuditEntry, useAuditEntry } from '../../../api/use-audit';
import { auditActionLabel, targetTypeLabel } from '../../../labels';
import { deviceOf } from '../../../user-agent';
import type { FilterChanges } from './audit-filters';
import { actorOf, formatInstant, OutcomeBadge } from './audit-words';

/** Records the SPA has a page for. */
const RECORD_PAGES: Record<string, string> = {
  client: '/clients',
  contact: '/contacts',
  job: '/jobs',
  invoice: '/invoices',
};

const ACTOR_KINDS: Record<string, string> = { user: 'Person', api_key: 'API key', system: 'System', anonymous: '' };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={130} fw={500} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code aria-label={label} style={{ wordBreak: 'break-all' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function EntryFields({ entry, onFilter }: { entry: AuditEntry; onFilter: (filters: FilterChanges) => void }) {
  const recordPage = entry.targetType && entry.targetId ? RECORD_PAGES[entry.targetType] : undefined;
  return (
    <Stack>
      <Table variant="vertical" layout="fixed" aria-label="Entry details" withTableBorder>
        <Table.Tbody>
          <Field label="Time">
            {formatInstant(entry.at)}
            <Text size="xs" c="dimmed">
              {entry.at}
            </Text>
          </Field>
          <Field label="Actor">
            {actorOf(entry)}
            {entry.actorId && (
              <Text size="xs" c="dimmed">
                {ACTOR_KINDS[entry.actorKind] ?? entry.actorKind} <Code fz="xs">{entry.actorId}</Code>
              </Text>
            )}
          </Field>
          <Field label="Action">
            {auditActionLabel(entry.action)}
            <Text size="xs" c="dimmed">
              <Code fz="xs">{entry.action}</Code>
            </Text>
          </Field>
          <Field label="Target">
            {entry.targetType ? targetTypeLabel(entry.targetType) : '—'}
            {entry.targetId && (
              <Text size="xs" c="dimmed">
                <Code fz="xs">{entry.targetId}</Code>
                {recordPage && (
                  <>
                    {' '}
                    <Anchor component={Link} to={`${recordPage}/${entry.targetId}`} size="xs">
                      Open
                    </Anchor>
                  </>
                )}
              </Text>
            )}
          </Field>
          <Field label="Outcome">
            <OutcomeBadge outcome={entry.outcome} />
          </Field>
          <Field label="IP address">{entry.ip ?? '—'}</Field>
          <Field label="Device">
            {entry.userAgent ? deviceOf(entry.userAgent) : '—'}
            {entry.userAgent && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {entry.userAgent}
              </Text>
            )}
          </Field>
          <Field label="Request id">
            {entry.requestId ? <Copyable value={entry.requestId} label="Request id" /> : '—'}
          </Field>
          <Field label="Position">#{entry.seq}</Field>
        </Table.Tbody>
      </Table>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Details
        </Text>
        {entry.details ? (
          <Code block aria-label="Details">
            {JSON.stringify(entry.details, null, 2)}
          </Code>
        ) : (
          <Text size="sm" c="dimmed">
            None recorded.
          </Text>
        )}
      </div>
      <Group gap="xs">
        {entry.actorId && (
          <Button size="xs" variant="default" onClick={() => onFilter({ actorId: entry.actorId })}>
            Everything by this actor
          </Button>
        )}
        {entry.targetId && (
          <Button
            size="xs"
            variant="default"
            onClick={() => onFilter({ targetType: entry.targetType, targetId: entry.targetId })}
          >
            Everything about this target
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/**
 * Every field of one entry. `entry` is the row clicked; an entry opened by its position
 * alone (a shared link, a broken link of the integrity check) is looked up.
 */
export function AuditEntryDrawer({
  seq,
  entry,
  onClose,
  onFilter,
}: {
  seq: string | null;
  entry: AuditEntry | undefined;
  onClose: () => void;
  onFilter: (filters: FilterChanges) => void;
}) {
  // While the drawer slides shut, it keeps showing the entry it showed.
  const [last, setLast] = useState({ seq, entry });
  if (seq !== null && (seq !== last.seq || entry !== last.entry)) setLast({ seq, entry });
  const current = seq !== null ? { seq, entry } : last;
  const lookup = useAuditEntry(current.seq !== null && !current.entry ? current.seq : null);
  const shown = current.entry ?? lookup.data;
  return (
    <Drawer opened={seq !== null} onClose={onClose} title={`Entry #${current.seq}`} position="right" size="lg">
      {shown ? (
        <EntryFields entry={shown} onFilter={onFilter} />
      ) : lookup.isError ? (
        <Alert color="red" title="Could not find the entry" role="alert">
          {lookup.error.message}
        </Alert>
      ) : lookup.data === null ? (
        <Alert color="yellow" title={`Entry #${current.seq} is not in the trail`} role="alert">
          It was removed. The integrity check reports where the chain breaks.
        </Alert>
      ) : (
        <Center h={120}>
          <Loader aria-label={`Looking for entry #${current.seq}`} />
        </Center>
      )}
    </Drawer>
  );
}
