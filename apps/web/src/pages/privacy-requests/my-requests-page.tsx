import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { Link } from 'react-router';
import { formProblemOf } from '../../api/problems';
import {
  type MyPrivacyRequestCreate,
  useCancelMyPrivacyRequest,
  useCreateMyPrivacyRequest,
  useMyPrivacyRequests,
} from '../../api/use-privacy-requests';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
import { formatDate } from '../../i18n/format';
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS, requestTypeLabel } from '../../labels';
import { CORRECTION_ERROR_FIELDS, type CorrectionRow, CorrectionsInput, correctionsOf } from './corrections-input';

const FIELDS: FieldMap = {
  type: { label: 'What you ask for' },
  message: { label: 'Details' },
  ...CORRECTION_ERROR_FIELDS,
};
const OPEN = ['unverified', 'received', 'in_progress', 'awaiting_requester'];
const day = (value: string | null | undefined) => (value ? formatDate(value) : '—');

/**
 * "My privacy requests" in the privacy center: a signed-in person files a request as
 * themself (no email verification: they are signed in) and follows where each stands.
 */
export function MyRequestsPage() {
  const mine = useMyPrivacyRequests();
  const create = useCreateMyPrivacyRequest();
  const cancel = useCancelMyPrivacyRequest();
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: { type: '', message: '', corrections: [{ field: '', value: '' }] as CorrectionRow[] },
    validate: { type: isNotEmpty('Choose what you ask for.') },
  });
  const problem = formProblemOf(create.error);
  const submit = form.onSubmit(async (values) => {
    try {
      await create.mutateAsync({
        type: values.type as MyPrivacyRequestCreate['type'],
        ...(values.message.trim() ? { message: values.message.trim() } : {}),
        ...(values.type === 'rectification' ? { corrections: correctionsOf(values.corrections) } : {}),
      });
      form.reset();
    } catch (error) {
      applyFieldErrors(form, error, FIELDS);
      focusFirstError();
    }
  }, focusFirstError);
  return (
    <Stack>
      <Title order={1}>My privacy requests</Title>
      <Text c="dimmed">
        Exercise your rights over the personal data held about your account. We answer within 30 days (a question within
        2 business days) and email you at each step.{' '}
        <Anchor component={Link} to="/privacy" underline="always">
          Read the privacy policy
        </Anchor>
        .
      </Text>
      <Card withBorder component="form" ref={ref} onSubmit={submit} noValidate aria-label="New privacy request">
        <Stack>
          {problem && (
            <Alert color="red" role="alert">
              {problem.message}
            </Alert>
          )}
          <Select
            label="What you ask for"
            withAsterisk
            data={Object.entries(REQUEST_TYPE_LABELS).map(([value, words]) => ({ value, label: words.label }))}
            description={REQUEST_TYPE_LABELS[form.values.type]?.description}
            {...form.getInputProps('type')}
          />
          {form.values.type === 'rectification' && <CorrectionsInput form={form} />}
          {form.values.type === 'erasure' && (
            <Alert color="orange" title="Your account stops at once">
              Sending this signs you out everywhere and stops your account and the API keys you created. The account and
              its data are erased after a grace period; until then an administrator can restore access if you change
              your mind.
            </Alert>
          )}
          <Textarea label="Details" autosize minRows={2} maxLength={4000} {...form.getInputProps('message')} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Send request
            </Button>
          </Group>
        </Stack>
      </Card>
      {mine.isPending ? (
        <Loader size="sm" aria-label="Loading your requests" />
      ) : mine.isError ? (
        <Alert color="red" role="alert">
          Your requests could not be loaded: {mine.error.message}
        </Alert>
      ) : mine.data.items.length === 0 ? (
        <Text c="dimmed">You have made no privacy requests.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Your privacy requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Request</Table.Th>
                <Table.Th>Filed</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Answer due</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.items.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>{requestTypeLabel(request.type)}</Table.Td>
                  <Table.Td>{day(request.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={REQUEST_STATUS_LABELS[request.status]?.color}>
                      {REQUEST_STATUS_LABELS[request.status]?.label ?? request.status}
                    </Badge>
                    {request.rejectionReason && <Text size="xs">{request.rejectionReason}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {day(request.dueAt)}
                    {request.extended && ' (extended)'}
                  </Table.Td>
                  <Table.Td>
                    {OPEN.includes(request.status) && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        loading={cancel.isPending && cancel.variables === request.id}
                        onClick={() => cancel.mutate(request.id)}
                      >
                        Withdraw
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
