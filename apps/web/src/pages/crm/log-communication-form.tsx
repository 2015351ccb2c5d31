import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { formProblemOf } from '../../api/problems';
import {
  type CommunicationCreate,
  type CommunicationKind,
  type Direction,
  useLogCommunication,
} from '../../api/use-communications';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../forms/form-errors';
import { COMMUNICATION_KIND_LABELS, DIRECTION_LABELS, HAS_DURATION, toLocalInput } from './crm-labels';

interface Draft {
  kind: CommunicationKind;
  direction: Direction;
  contactId: string | null;
  /** Left as "now" until the person changes it (the form knows: it is not dirty), so a form opened an hour ago still logs the time it is sent. */
  when: string;
  duration: number | string;
  subject: string;
  body: string;
}

const freshDraft = (contactId: string | null): Draft => ({
  kind: 'call',
  direction: 'outbound',
  contactId,
  when: toLocalInput(new Date()),
  duration: '',
  subject: '',
  body: '',
});

const FIELDS: FieldMap = {
  kind: { label: 'Kind' },
  direction: { label: 'Direction' },
  contactId: { label: 'Contact' },
  occurredAt: { label: 'When', path: 'when' },
  durationMinutes: { label: 'Duration', path: 'duration' },
  subject: { label: 'Subject' },
  body: { label: 'Details', path: 'body' },
};

/**
 * Logs a call, email, meeting or note on a client's or a contact's timeline. On a client
 * page the person may pick which of the client's contacts it was with.
 */
export function LogCommunicationForm({
  clientId,
  contactId,
  contacts,
}: {
  clientId?: string;
  /** Fixed: the form sits on this contact's page. */
  contactId?: string;
  /** The client's contacts, to say who it was with. */
  contacts?: Array<{ id: string; fullName: string }>;
}) {
  const log = useLogCommunication();
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm<Draft>({
    initialValues: freshDraft(contactId ?? null),
    validate: {
      when: sentenceRule((value: string) => {
        if (!form.isDirty('when')) return null;
        const when = new Date(value);
        if (Number.isNaN(when.getTime())) return 'Give a date and time';
        if (when.getTime() > Date.now() + 5 * 60_000) return 'The time is in the future: give when it happened';
        return null;
      }),
    },
  });
  const headingId = useId();
  const draft = form.values;

  function setKind(kind: CommunicationKind) {
    // A note is usually for colleagues; the rest usually go out. A direction the person chose stays.
    const usual = (k: CommunicationKind): Direction => (k === 'note' ? 'internal' : 'outbound');
    if (draft.direction === usual(draft.kind)) form.setFieldValue('direction', usual(kind));
    form.setFieldValue('kind', kind);
  }

  const submit = form.onSubmit((values) => {
    const when = form.isDirty('when') ? new Date(values.when) : null;
    setElsewhere([]);
    const body: CommunicationCreate = {
      kind: values.kind,
      direction: values.direction,
      ...(clientId ? { clientId } : {}),
      ...(values.contactId ? { contactId: values.contactId } : {}),
      ...(when ? { occurredAt: when.toISOString() } : {}),
      ...(HAS_DURATION.includes(values.kind) && values.duration !== ''
        ? { durationMinutes: Number(values.duration) }
        : {}),
      ...(values.subject.trim() ? { subject: values.subject.trim() } : {}),
      ...(values.body.trim() ? { body: values.body.trim() } : {}),
    };
    log.mutate(body, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: `${COMMUNICATION_KIND_LABELS[values.kind]} logged.`,
        });
        const next = { ...freshDraft(contactId ?? null), kind: values.kind, direction: values.direction };
        form.setInitialValues(next);
        form.reset();
      },
      onError: (error) => {
        setElsewhere(applyFieldErrors(form, error, FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const problem = formProblemOf(log.error);
  const kindLabel = COMMUNICATION_KIND_LABELS[draft.kind].toLowerCase();
  return (
    <Card withBorder component="form" ref={ref} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          Log a call, email, meeting or note
        </Title>
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        {elsewhere.length > 0 && (
          <Alert color="red" title="Not logged" role="alert">
            {elsewhere.join(' ')}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${headingId}-kind`}>
            Kind
          </Text>
          <SegmentedControl
            aria-labelledby={`${headingId}-kind`}
            value={draft.kind}
            onChange={(value) => setKind(value as CommunicationKind)}
            data={Object.entries(COMMUNICATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Direction"
            data={Object.entries(DIRECTION_LABELS).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('direction')}
          />
          {contacts && !contactId && (
            <Select
              label="Contact"
              placeholder={contacts.length ? 'The client as a whole' : 'No contacts at this client'}
              data={contacts.map((contact) => ({ value: contact.id, label: contact.fullName }))}
              clearable
              searchable
              disabled={contacts.length === 0}
              {...form.getInputProps('contactId')}
            />
          )}
          <TextInput
            label="When"
            type="datetime-local"
            max={toLocalInput(new Date(Date.now() + 60_000))}
            {...form.getInputProps('when')}
          />
          {HAS_DURATION.includes(draft.kind) && (
            <NumberInput
              label="Duration (minutes)"
              min={0}
              max={24 * 60}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('duration')}
            />
          )}
        </SimpleGrid>
        <TextInput label="Subject" maxLength={300} {...form.getInputProps('subject')} />
        <Textarea label="Details" autosize minRows={2} maxRows={10} {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending}>
            Log {kindLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
