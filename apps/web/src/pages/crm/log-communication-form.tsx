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
import { useTranslation } from 'react-i18next';
import { formProblemOf } from '../../api/problems';
import {
  type CommunicationCreate,
  type CommunicationKind,
  type Direction,
  useLogCommunication,
} from '../../api/use-communications';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../forms/form-errors';
import { fromLocalInput, toLocalInput } from '../../i18n/calendar';
import { COMMUNICATION_KINDS, communicationKindLabel, directionOptions, HAS_DURATION } from './crm-labels';

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
  const { t } = useTranslation();
  const fields: FieldMap = {
    kind: { label: t('timeline.kind') },
    direction: { label: t('timeline.direction') },
    contactId: { label: t('timeline.contact') },
    occurredAt: { label: t('timeline.when'), path: 'when' },
    durationMinutes: { label: t('timeline.duration'), path: 'duration' },
    subject: { label: t('timeline.subject') },
    body: { label: t('timeline.details'), path: 'body' },
  };
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm<Draft>({
    initialValues: freshDraft(contactId ?? null),
    validate: {
      when: sentenceRule((value: string) => {
        if (!form.isDirty('when')) return null;
        // The input holds the reader's wall clock in their profile's zone.
        const when = fromLocalInput(value);
        if (!when) return t('timeline.giveDateTime');
        if (when.getTime() > Date.now() + 5 * 60_000) return t('timeline.inFuture');
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
    const when = form.isDirty('when') ? fromLocalInput(values.when) : null;
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
          message: t('timeline.logged', { kind: communicationKindLabel(values.kind) }),
        });
        const next = { ...freshDraft(contactId ?? null), kind: values.kind, direction: values.direction };
        form.setInitialValues(next);
        form.reset();
      },
      onError: (error) => {
        setElsewhere(applyFieldErrors(form, error, fields));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const problem = formProblemOf(log.error);
  const kindLabel = communicationKindLabel(draft.kind);
  return (
    <Card withBorder component="form" ref={ref} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t('timeline.logTitle')}
        </Title>
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        {elsewhere.length > 0 && (
          <Alert color="red" title={t('timeline.notLogged')} role="alert">
            {elsewhere.join(' ')}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${headingId}-kind`}>
            {t('timeline.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${headingId}-kind`}
            value={draft.kind}
            onChange={(value) => setKind(value as CommunicationKind)}
            data={COMMUNICATION_KINDS.map((value) => ({ value, label: communicationKindLabel(value) }))}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('timeline.direction')}
            data={directionOptions()}
            allowDeselect={false}
            {...form.getInputProps('direction')}
          />
          {contacts && !contactId && (
            <Select
              label={t('timeline.contact')}
              placeholder={contacts.length ? t('timeline.wholeClient') : t('timeline.noContacts')}
              data={contacts.map((contact) => ({ value: contact.id, label: contact.fullName }))}
              clearable
              searchable
              disabled={contacts.length === 0}
              {...form.getInputProps('contactId')}
            />
          )}
          <TextInput
            label={t('timeline.when')}
            type="datetime-local"
            max={toLocalInput(new Date(Date.now() + 60_000))}
            {...form.getInputProps('when')}
          />
          {HAS_DURATION.includes(draft.kind) && (
            <NumberInput
              label={t('timeline.duration')}
              min={0}
              max={24 * 60}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('duration')}
            />
          )}
        </SimpleGrid>
        <TextInput label={t('timeline.subject')} maxLength={300} {...form.getInputProps('subject')} />
        <Textarea label={t('timeline.details')} autosize minRows={2} maxRows={10} {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending}>
            {t('timeline.log', { kind: kindLabel })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
