import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type PrivacyRequestFilters, usePrivacyRequests } from '../../../api/use-privacy-requests';
import { usePermissions } from '../../../auth/use-permissions';
import { LoadMoreButton } from '../../../components/load-more-button';
import { formatDate } from '../../../i18n/format';
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS, requestTypeLabel } from '../../../labels';
import { LogRequestModal } from './log-request-modal';
import { SlaBadge, StatusBadge } from './sla-badge';

// Its own chunk: the charts library loads only when the chart shows.
const RequestsChart = lazy(async () => ({ default: (await import('./requests-chart')).RequestsChart }));

const day = (value: string | null | undefined) => (value ? formatDate(value) : '—');

/** The request desk: every data-subject request with its deadline, filters in the URL. */
export function PrivacyRequestsPage() {
  const [params, setParams] = useSearchParams();
  const { can } = usePermissions();
  const [logging, log] = useDisclosure(false);
  const filters: PrivacyRequestFilters = {
    status: (params.get('status') as PrivacyRequestFilters['status']) ?? undefined,
    type: (params.get('type') as PrivacyRequestFilters['type']) ?? undefined,
    assigneeId: params.get('assigneeId') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    q: params.get('q') ?? undefined,
  };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = usePrivacyRequests(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Privacy requests</Title>
        {can('requests:write') && <Button onClick={log.open}>Log a request</Button>}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          data={Object.entries(REQUEST_STATUS_LABELS).map(([value, words]) => ({ value, label: words.label }))}
          value={filters.status ?? null}
          onChange={(value) => set('status', value)}
        />
        <Select
          label="Type"
          placeholder="Any"
          clearable
          data={Object.entries(REQUEST_TYPE_LABELS).map(([value, words]) => ({ value, label: words.label }))}
          value={filters.type ?? null}
          onChange={(value) => set('type', value)}
        />
        <TextInput
          label="Requester email or request id"
          defaultValue={filters.q ?? ''}
          onKeyDown={(event) => {
            if (event.key === 'Enter') set('q', event.currentTarget.value.trim() || null);
          }}
          onBlur={(event) => set('q', event.currentTarget.value.trim() || null)}
        />
        <Checkbox
          label="Overdue only"
          checked={filters.overdue === true}
          onChange={(event) => set('overdue', event.currentTarget.checked ? 'true' : null)}
        />
        <Checkbox
          label="Assigned to me"
          checked={filters.assigneeId === 'me'}
          onChange={(event) => set('assigneeId', event.currentTarget.checked ? 'me' : null)}
        />
      </Group>
      {list.isPending ? (
        <Loader size="sm" aria-label="Loading requests" />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          The requests could not be loaded: {list.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">No requests match.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="Privacy requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Th>Requester</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Deadline</Table.Th>
                <Table.Th>Assignee</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((request) => (
                <Table.Tr key={request.id} bg={request.overdue ? 'var(--mantine-color-red-light)' : undefined}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/privacy-requests/${request.id}`}>
                      {requestTypeLabel(request.type)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.requesterName ?? 'Erased'}</Text>
                    <Text size="xs" c="dimmed">
                      {request.requesterEmail ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={request.status} />
                  </Table.Td>
                  <Table.Td>{day(request.receivedAt)}</Table.Td>
                  <Table.Td>{day(request.dueAt)}</Table.Td>
                  <Table.Td>
                    <SlaBadge request={request} />
                  </Table.Td>
                  <Table.Td>{request.assigneeName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton list={list} />
      <Suspense fallback={<Loader size="sm" aria-label="Loading the chart" />}>
        <RequestsChart />
      </Suspense>
      <LogRequestModal opened={logging} onClose={log.close} />
    </Stack>
  );
}
