import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { type HoldState, type LegalHold, useLegalHolds } from '../../../api/use-legal-holds';
import { useStaff } from '../../../api/use-staff';
import { usePermissions } from '../../../auth/use-permissions';
import { LoadMoreButton } from '../../../components/load-more-button';
import { formatDateTime } from '../../crm/crm-labels';
import { HoldTarget, SCOPE_LABELS } from './hold-words';
import { ReleaseHoldModal } from './release-hold-modal';
import { SetHoldModal } from './set-hold-modal';

/** Legal holds: what is kept beyond its retention period for a legal matter, set and released with reasons. */
export function LegalHoldsPage() {
  const { can } = usePermissions();
  const mayWrite = can('legal-holds:write');
  const staff = useStaff();
  const [state, setState] = useState<HoldState>('active');
  const [setting, setSetting] = useState(false);
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const holds = useLegalHolds(state);
  const items = holds.data?.pages.flatMap((page) => page.items) ?? [];
  const who = (actor: LegalHold['setBy'] | null) =>
    !actor ? '—' : actor.kind === 'api_key' ? 'An API key' : actor.id ? staff.nameOf(actor.id) : 'A former user';

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={1}>Legal holds</Title>
        {mayWrite && <Button onClick={() => setSetting(true)}>Set a legal hold</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        A legal hold keeps data beyond its retention period while a legal matter needs it: no retention rule deletes
        what it covers, and erasures of a covered person wait until it is released. Released holds stay on record.
      </Text>
      <SegmentedControl
        aria-label="Show holds"
        w="fit-content"
        value={state}
        onChange={(value) => setState(value as HoldState)}
        data={[
          { value: 'active', label: 'In force' },
          { value: 'released', label: 'Released' },
          { value: 'all', label: 'All' },
        ]}
      />
      <Table.ScrollContainer minWidth={880}>
        <Table aria-label="Legal holds" striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Covers</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Set</Table.Th>
              <Table.Th>Released</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((hold) => (
              <Table.Tr key={hold.id}>
                <Table.Td>
                  <Badge variant="light" color="gray" mb={4}>
                    {SCOPE_LABELS[hold.scope]}
                  </Badge>
                  <HoldTarget hold={hold} />
                </Table.Td>
                <Table.Td maw={280} style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm">{hold.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{who(hold.setBy)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(hold.setAt)}
                  </Text>
                </Table.Td>
                <Table.Td maw={280} style={{ overflowWrap: 'anywhere' }}>
                  {hold.active ? (
                    <Badge color="orange" variant="light">
                      In force
                    </Badge>
                  ) : (
                    <>
                      <Text size="sm">{who(hold.releasedBy)}</Text>
                      <Text size="xs" c="dimmed">
                        {hold.releasedAt ? formatDateTime(hold.releasedAt) : ''}
                      </Text>
                      {hold.releaseReason && <Text size="sm">{hold.releaseReason}</Text>}
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  {mayWrite && hold.active && (
                    <Button size="xs" variant="light" color="red" onClick={() => setReleasing(hold)}>
                      Release
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {holds.isSuccess && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {state === 'released'
            ? 'No hold has been released.'
            : state === 'active'
              ? 'No hold is in force.'
              : 'No holds yet.'}
        </Text>
      )}
      <LoadMoreButton list={holds} />
      <SetHoldModal opened={setting} onClose={() => setSetting(false)} />
      <ReleaseHoldModal hold={releasing} onClose={() => setReleasing(null)} />
    </Stack>
  );
}
