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
import { notifications } from '@mantine/notifications';
import { type FormEvent, useId, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import {
  type CommunicationCreate,
  type CommunicationKind,
  type Direction,
  useLogCommunication,
} from '../../api/use-communications';
import { COMMUNICATION_KIND_LABELS, DIRECTION_LABELS, HAS_DURATION, toLocalInput } from './crm-labels';

interface Draft {
  kind: CommunicationKind;
  direction: Direction;
  contactId: string | null;
  when: string;
  /** Left as "now" until the person changes it, so a form opened an hour ago still logs the time it is sent. */
  whenChanged: boolean;
  duration: number | string;
  subject: string;
  body: string;
}

const freshDraft = (contactId: string | null): Draft => ({
  kind: 'call',
  direction: 'outbound',
  contactId,
  when: toLocalInput(new Date()),
  whenChanged: false,
  duration: '',
  subject: '',
  body: '',
});

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
  const [draft, setDraft] = useState<Draft>(() => freshDraft(contactId ?? null));
  const [whenError, setWhenError] = useState<string | undefined>();
  const headingId = useId();
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));

  function setKind(kind: CommunicationKind) {
    // A note is usually for colleagues; the rest usually go out. A direction the person chose stays.
    const usual = (k: CommunicationKind): Direction => (k === 'note' ? 'internal' : 'outbound');
    set({ kind, ...(draft.direction === usual(draft.kind) ? { direction: usual(kind) } : {}) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const when = draft.whenChanged ? new Date(draft.when) : null;
    if (when && Number.isNaN(when.getTime())) return setWhenError('Give a date and time');
    if (when && when.getTime() > Date.now() + 5 * 60_000) return setWhenError('This is in the future');
    setWhenError(undefined);
    const body: CommunicationCreate = {
      kind: draft.kind,
      direction: draft.direction,
      ...(clientId ? { clientId } : {}),
      ...(draft.contactId ? { contactId: draft.contactId } : {}),
      ...(when ? { occurredAt: when.toISOString() } : {}),
      ...(HAS_DURATION.includes(draft.kind) && draft.duration !== ''
        ? { durationMinutes: Number(draft.duration) }
        : {}),
      ...(draft.subject.trim() ? { subject: draft.subject.trim() } : {}),
      ...(draft.body.trim() ? { body: draft.body.trim() } : {}),
    };
    log.mutate(body, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: `${COMMUNICATION_KIND_LABELS[draft.kind]} logged.`,
        });
        setDraft({ ...freshDraft(contactId ?? null), kind: draft.kind, direction: draft.direction });
      },
    });
  }

  const errors = fieldErrorsOf(log.error);
  const problem = formProblemOf(log.error);
  const kindLabel = COMMUNICATION_KIND_LABELS[draft.kind].toLowerCase();
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          Log a call, email, meeting or note
        </Title>
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
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
            value={draft.direction}
            onChange={(value) => value && set({ direction: value as Direction })}
            allowDeselect={false}
            error={errors.direction}
          />
          {contacts && !contactId && (
            <Select
              label="Contact"
              placeholder={contacts.length ? 'The client as a whole' : 'No contacts at this client'}
              data={contacts.map((contact) => ({ value: contact.id, label: contact.fullName }))}
              value={draft.contactId}
              onChange={(value) => set({ contactId: value })}
              clearable
              searchable
              disabled={contacts.length === 0}
              error={errors.contactId}
            />
          )}
          <TextInput
            label="When"
            type="datetime-local"
            value={draft.when}
            max={toLocalInput(new Date(Date.now() + 60_000))}
            onChange={(event) => set({ when: event.currentTarget.value, whenChanged: true })}
            error={whenError ?? errors.occurredAt}
          />
          {HAS_DURATION.includes(draft.kind) && (
            <NumberInput
              label="Duration (minutes)"
              min={0}
              max={24 * 60}
              allowDecimal={false}
              allowNegative={false}
              value={draft.duration}
              onChange={(value) => set({ duration: value })}
              error={errors.durationMinutes}
            />
          )}
        </SimpleGrid>
        <TextInput
          label="Subject"
          maxLength={300}
          value={draft.subject}
          onChange={(event) => set({ subject: event.currentTarget.value })}
          error={errors.subject}
        />
        <Textarea
          label="Details"
          autosize
          minRows={2}
          maxRows={10}
          value={draft.body}
          onChange={(event) => set({ body: event.currentTarget.value })}
          error={errors.body}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending}>
            Log {kindLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
