import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { problemOf } from '../../../api/problems';
import {
  type MatchedSubject,
  type PrivacyRequestAction,
  usePrivacyRequest,
  usePrivacyRequestAction,
} from '../../../api/use-privacy-requests';
import { useAuth } from '../../../auth/auth-context';
import { usePermissions } from '../../../auth/use-permissions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { formatDate, formatDateTime } from '../../../i18n/format';
import {
  FULFILMENT_LABELS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_EVENT_LABELS,
  REQUEST_TYPE_LABELS,
  requestTypeLabel,
} from '../../../labels';
import { usePageTitle } from '../../../layout/page-title';
import { CorrectionsReview } from './corrections-review';
import { ErasureReceipts } from './erasure-receipts';
import { SlaBadge, StatusBadge } from './sla-badge';

const OPEN = ['received', 'in_progress', 'awaiting_requester'];
const when = (value: string | null | undefined) => (value ? formatDateTime(value) : '—');

type Dialog = 'extend' | 'reject' | 'complete' | 'cancel' | null;

/** One request: who asked, the deadline, the people it matches, the actions, and its history. */
export function PrivacyRequestPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { can } = usePermissions();
  const request = usePrivacyRequest(id);
  const action = usePrivacyRequestAction(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [chosen, setChosen] = useState<MatchedSubject[] | null>(null);
  const [months, setMonths] = useState<string | null>('1');
  const [reason, setReason] = useState('');
  usePageTitle(request.data ? `${requestTypeLabel(request.data.type)} request` : 'Privacy request');
  if (request.isPending) return <Loader size="sm" aria-label="Loading the request" />;
  if (request.isError) {
    return (
      <Alert color="red" role="alert">
        The request could not be loaded: {request.error.message}
      </Alert>
    );
  }
  const data = request.data;
  const open = OPEN.includes(data.status);
  const writable = can('requests:write');
  const confirmed = chosen ?? data.candidates.filter((candidate) => candidate.confirmed);
  const run = async (body: PrivacyRequestAction) => {
    try {
      await action.mutateAsync(body);
      setDialog(null);
      setReason('');
      setChosen(null);
    } catch {
      // shown below
    }
  };
  const problem = problemOf(action.error);
  return (
    <Stack>
      <Anchor component={Link} to="/admin/privacy-requests" size="sm">
        ← All requests
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{requestTypeLabel(data.type)} request</Title>
          <Text c="dimmed" size="sm">
            {REQUEST_TYPE_LABELS[data.type]?.description}
          </Text>
        </Stack>
        <Group>
          <StatusBadge status={data.status} />
          <SlaBadge request={data} />
          {data.extended && <Badge variant="outline">Extended</Badge>}
        </Group>
      </Group>
      {problem && (
        <Alert color="red" role="alert" title={problem.problem.title}>
          {problem.message}
        </Alert>
      )}
      <Card withBorder>
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>Requester</Table.Th>
              <Table.Td>
                {data.requesterName ?? 'Erased'} {data.requesterEmail && `<${data.requesterEmail}>`}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Received by</Table.Th>
              <Table.Td>{REQUEST_CHANNEL_LABELS[data.channel] ?? data.channel}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Received</Table.Th>
              <Table.Td>{when(data.receivedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Td>{when(data.dueAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Assignee</Table.Th>
              <Table.Td>{data.assigneeName ?? 'Nobody'}</Table.Td>
            </Table.Tr>
            {data.message && (
              <Table.Tr>
                <Table.Th>What they asked</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{data.message}</Table.Td>
              </Table.Tr>
            )}
            {data.identityCheck && (
              <Table.Tr>
                <Table.Th>Identity check</Table.Th>
                <Table.Td>{data.identityCheck}</Table.Td>
              </Table.Tr>
            )}
            {data.extensionReason && (
              <Table.Tr>
                <Table.Th>Reason for extension</Table.Th>
                <Table.Td>{data.extensionReason}</Table.Td>
              </Table.Tr>
            )}
            {data.rejectionReason && (
              <Table.Tr>
                <Table.Th>Reason for rejection</Table.Th>
                <Table.Td>{data.rejectionReason}</Table.Td>
              </Table.Tr>
            )}
            {data.fulfilment && (
              <Table.Tr>
                <Table.Th>Fulfilment</Table.Th>
                <Table.Td>{FULFILMENT_LABELS[data.fulfilment] ?? data.fulfilment}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder component="section" aria-labelledby="matches">
        <Title order={2} size="h4" id="matches" mb="xs">
          Who the requester is
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          People of the organization with the requester’s email. Confirm the ones the request is about before fulfilling
          it.
        </Text>
        {data.candidates.length === 0 ? (
          <Text size="sm">Nobody with this email: the organization holds no data under it.</Text>
        ) : (
          <Stack gap="xs">
            {data.candidates.map((candidate) => (
              <Checkbox
                key={`${candidate.kind}:${candidate.id}`}
                disabled={!open || !writable}
                label={`${candidate.name ?? 'Unnamed'} (${candidate.kind === 'user' ? 'user account' : 'contact'})`}
                checked={confirmed.some((subject) => subject.kind === candidate.kind && subject.id === candidate.id)}
                onChange={(event) => {
                  const rest = confirmed.filter(
                    (subject) => !(subject.kind === candidate.kind && subject.id === candidate.id),
                  );
                  setChosen(event.currentTarget.checked ? [...rest, { kind: candidate.kind, id: candidate.id }] : rest);
                }}
              />
            ))}
            {open && writable && (
              <Button
                w="fit-content"
                variant="light"
                disabled={chosen === null}
                loading={action.isPending && action.variables?.action === 'matches'}
                onClick={() =>
                  run({
                    action: 'matches',
                    version: data.version,
                    subjects: confirmed.map(({ kind, id }) => ({ kind, id })),
                  })
                }
              >
                Confirm match
              </Button>
            )}
          </Stack>
        )}
      </Card>

      {data.corrections.length > 0 && (
        <CorrectionsReview
          corrections={data.corrections}
          version={data.version}
          canDecide={open && writable}
          matched={data.candidates.some((candidate) => candidate.confirmed)}
          pending={
            action.isPending && action.variables?.action === 'corrections'
              ? `${action.variables.field}:${action.variables.decision}`
              : null
          }
          run={(body) => void run(body)}
        />
      )}

      {data.erasureReceipts.length > 0 && <ErasureReceipts receipts={data.erasureReceipts} requestId={data.id} />}

      {open && writable && (
        <Group aria-label="Actions">
          {data.assigneeId !== user?.id ? (
            <Button
              variant="default"
              onClick={() => run({ action: 'assign', version: data.version, assigneeId: user?.id ?? null })}
            >
              Assign to me
            </Button>
          ) : (
            <Button
              variant="default"
              onClick={() => run({ action: 'assign', version: data.version, assigneeId: null })}
            >
              Unassign
            </Button>
          )}
          {data.status !== 'in_progress' && (
            <Button variant="default" onClick={() => run({ action: 'start', version: data.version })}>
              {data.status === 'awaiting_requester' ? 'Resume' : 'Start'}
            </Button>
          )}
          {data.status !== 'awaiting_requester' && (
            <Button variant="default" onClick={() => run({ action: 'await-requester', version: data.version })}>
              Wait for requester
            </Button>
          )}
          {!data.extended && (
            <Button variant="default" onClick={() => setDialog('extend')}>
              Extend deadline
            </Button>
          )}
          <Button onClick={() => setDialog('complete')}>Complete</Button>
          <Button color="red" variant="light" onClick={() => setDialog('reject')}>
            Reject
          </Button>
          <Button color="gray" variant="subtle" onClick={() => setDialog('cancel')}>
            Cancel request
          </Button>
        </Group>
      )}

      <Card withBorder component="section" aria-labelledby="history">
        <Title order={2} size="h4" id="history" mb="sm">
          History
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={data.history.length}>
          {data.history.map((event) => (
            <Timeline.Item key={event.id} title={REQUEST_EVENT_LABELS[event.type] ?? event.type}>
              <Text size="xs" c="dimmed">
                {when(event.at)} ·{' '}
                {event.actor.kind === 'requester'
                  ? 'The requester'
                  : event.actor.kind === 'system'
                    ? 'System'
                    : (event.actor.name ?? (event.actor.kind === 'api_key' ? 'API key' : 'A former user'))}
              </Text>
              {typeof event.details.dueAt === 'string' && <Text size="xs">Due {formatDate(event.details.dueAt)}</Text>}
              {typeof event.details.fulfilment === 'string' && (
                <Text size="xs">{FULFILMENT_LABELS[event.details.fulfilment] ?? event.details.fulfilment}</Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>

      <Modal opened={dialog === 'extend'} onClose={() => setDialog(null)} title="Extend the deadline">
        <Stack>
          <Text size="sm">
            The law allows one extension of up to two months for complex or numerous requests. The reason is emailed to
            the requester.
          </Text>
          <Select
            label="By"
            data={[
              { value: '1', label: 'One month' },
              { value: '2', label: 'Two months' },
            ]}
            value={months}
            onChange={setMonths}
            allowDeselect={false}
          />
          <Textarea
            label="Reason"
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button
              loading={action.isPending}
              onClick={() => run({ action: 'extend', version: data.version, months: Number(months), reason })}
            >
              Extend
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'reject'} onClose={() => setDialog(null)} title="Reject the request">
        <Stack>
          <Textarea
            label="Reason (emailed to the requester)"
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={action.isPending}
              onClick={() => run({ action: 'reject', version: data.version, reason })}
            >
              Reject
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={dialog === 'complete'}
        title="Complete the request"
        confirmLabel="Complete"
        busy={action.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => run({ action: 'complete', version: data.version })}
      >
        The requester is told by email.{' '}
        {data.type === 'erasure' || data.type === 'minor'
          ? 'The confirmed people’s data is erased everywhere; this cannot be undone.'
          : data.type === 'access' || data.type === 'portability'
            ? 'A copy of the confirmed people’s data is prepared, and its download link is emailed to the requester.'
            : ''}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'cancel'}
        title="Cancel the request"
        confirmLabel="Cancel request"
        busy={action.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => run({ action: 'cancel', version: data.version })}
      >
        Cancel when the requester withdrew the request or it was filed twice.
      </ConfirmModal>
    </Stack>
  );
}
