import { Anchor, Code, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../api/use-audit';
import { auditActionLabel, targetTypeLabel } from '../../../labels';
import { actorOf, formatInstant, OutcomeBadge } from './audit-words';

/** Ids are long; the start is enough to tell them apart on a line, the drawer has the rest. */
const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

/** The entries, newest first; a row opens its drawer. */
export function AuditTable({
  entries,
  busy,
  onOpen,
}: {
  entries: AuditEntry[];
  busy: boolean;
  onOpen: (entry: AuditEntry) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Audit entries" striped highlightOnHover aria-busy={busy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>IP address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq} onClick={() => onOpen(entry)} style={{ cursor: 'pointer' }}>
              <Table.Td title={entry.at}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatInstant(entry.at)}
                </Text>
              </Table.Td>
              <Table.Td>{actorOf(entry)}</Table.Td>
              <Table.Td>
                {/* A real button, so the row opens from the keyboard too; its click reaches the row. */}
                <Anchor component="button" type="button" size="sm" ta="left">
                  {auditActionLabel(entry.action)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {entry.targetType ? (
                  <Text size="sm">
                    {targetTypeLabel(entry.targetType)}{' '}
                    {entry.targetId && (
                      <Code fz="xs" title={entry.targetId}>
                        {shortId(entry.targetId)}
                      </Code>
                    )}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={entry.outcome} />
              </Table.Td>
              <Table.Td>{entry.ip ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
