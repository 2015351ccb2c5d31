import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import {
  type Communication,
  type Direction,
  type TimelineOf,
  useDeleteCommunication,
  useTimeline,
  useUpdateCommunication,
} from '../../api/use-communications';
import { ConfirmModal } from '../../components/confirm-modal';
import { fromLocalInput, toLocalInput } from '../../i18n/calendar';
import { useFormat } from '../../i18n/use-locale';
import { CommunicationIcon } from './communication-icon';
import { communicationKindLabel, directionLabel, directionOptions, HAS_DURATION } from './crm-labels';
import { useCrmAccess } from './use-crm-access';

const authorOf = (entry: Communication, t: TFunction) =>
  entry.authorName ?? (entry.apiKeyId ? t('timeline.anIntegration') : t('timeline.aFormerColleague'));

/**
 * One merged timeline of calls, emails, meetings and notes, newest first. On a client's
 * page it includes what was logged with the client's contacts (`contactNames` names them).
 */
export function CommunicationTimeline({ of, contactNames }: { of: TimelineOf; contactNames?: Map<string, string> }) {
  const access = useCrmAccess();
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const timeline = useTimeline(of);
  const remove = useDeleteCommunication();
  const [editing, setEditing] = useState<Communication | null>(null);
  const [deleting, setDeleting] = useState<Communication | null>(null);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  if (timeline.isPending) {
    return (
      <Center h={120}>
        <Loader size="sm" aria-label={t('timeline.loading')} />
      </Center>
    );
  }
  if (timeline.isError) {
    return (
      <Alert color="red" title={t('timeline.loadFailed')} role="alert">
        {timeline.error.message}
      </Alert>
    );
  }
  return (
    <Stack>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('timeline.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={30} lineWidth={2} role="list" aria-label={t('timeline.list')}>
          {entries.map((entry) => {
            const contactName = entry.contactId ? contactNames?.get(entry.contactId) : undefined;
            const kind = communicationKindLabel(entry.kind);
            return (
              <Timeline.Item
                key={entry.id}
                role="listitem"
                aria-label={`${kind}${entry.subject ? `: ${entry.subject}` : ''}`}
                bullet={<CommunicationIcon kind={entry.kind} size={30} />}
                title={
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {kind}
                      </Text>
                      <Badge size="xs" variant="outline" color="gray">
                        {directionLabel(entry.direction)}
                      </Badge>
                      {entry.subject && (
                        <Text size="sm" fw={500}>
                          {entry.subject}
                        </Text>
                      )}
                    </Group>
                    {access.mayChangeCommunication(entry) && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing(entry)}
                          aria-label={t('timeline.editOf', {
                            kind,
                            when: formatDateTime(entry.occurredAt),
                          })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(entry)}
                          aria-label={t('timeline.deleteOf', {
                            kind,
                            when: formatDateTime(entry.occurredAt),
                          })}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    )}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                  {t('timeline.by', { name: authorOf(entry, t) })}
                  {entry.durationMinutes != null && t('timeline.minutes', { count: entry.durationMinutes })}
                  {entry.contactId && contactNames && (
                    <>
                      {t('timeline.with')}
                      <Anchor component={Link} to={`/contacts/${entry.contactId}`} size="xs">
                        {contactName ?? t('timeline.aContact')}
                      </Anchor>
                    </>
                  )}
                </Text>
                {entry.body && (
                  <Spoiler maxHeight={72} showLabel={t('timeline.showMore')} hideLabel={t('timeline.showLess')} mt={4}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.body}
                    </Text>
                  </Spoiler>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {timeline.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          mx="auto"
          loading={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
      {editing && <EditCommunicationModal entry={editing} onClose={() => setEditing(null)} key={editing.id} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('timeline.deleteTitle', {
          kind: deleting ? communicationKindLabel(deleting.kind) : t('timeline.deleteEntry'),
        })}
        confirmLabel={t('common.delete')}
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('timeline.deleted') });
              setDeleting(null);
            },
          })
        }
      >
        {t('timeline.deleteText')}
      </ConfirmModal>
    </Stack>
  );
}

/** Corrects an entry (its kind and whom it was with stay). Sends the version it read: 409 if changed meanwhile. */
function EditCommunicationModal({ entry, onClose }: { entry: Communication; onClose: () => void }) {
  const update = useUpdateCommunication();
  const { t } = useTranslation();
  const [direction, setDirection] = useState(entry.direction as Direction);
  const [when, setWhen] = useState(toLocalInput(new Date(entry.occurredAt)));
  const [duration, setDuration] = useState<number | string>(entry.durationMinutes ?? '');
  const [subject, setSubject] = useState(entry.subject ?? '');
  const [body, setBody] = useState(entry.body ?? '');
  const [whenError, setWhenError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    // Read on the reader's wall clock (their profile's zone), as it was shown.
    const occurred = fromLocalInput(when);
    if (!occurred) return setWhenError(t('timeline.giveDateTime'));
    setWhenError(undefined);
    const changed = {
      ...(direction !== entry.direction ? { direction } : {}),
      ...(when !== toLocalInput(new Date(entry.occurredAt)) ? { occurredAt: occurred.toISOString() } : {}),
      ...(HAS_DURATION.includes(entry.kind) && (duration === '' ? null : Number(duration)) !== entry.durationMinutes
        ? { durationMinutes: duration === '' ? null : Number(duration) }
        : {}),
      ...((subject.trim() || null) !== entry.subject ? { subject: subject.trim() || null } : {}),
      ...((body.trim() || null) !== entry.body ? { body: body.trim() || null } : {}),
    };
    if (Object.keys(changed).length === 0) return onClose();
    update.mutate(
      { id: entry.id, version: entry.version, ...changed },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onClose();
        },
      },
    );
  }

  const errors = fieldErrorsOf(update.error);
  const problem = formProblemOf(update.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('timeline.editTitle', { kind: communicationKindLabel(entry.kind) })}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {problem && (
            <Alert color={stale ? 'yellow' : 'red'} title={problem.problem.title} role="alert">
              {stale ? t('timeline.stale') : problem.message}
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('timeline.direction')}
              data={directionOptions()}
              value={direction}
              onChange={(value) => value && setDirection(value as Direction)}
              allowDeselect={false}
              error={errors.direction}
            />
            <TextInput
              label={t('timeline.when')}
              type="datetime-local"
              value={when}
              onChange={(event) => setWhen(event.currentTarget.value)}
              error={whenError ?? errors.occurredAt}
            />
          </SimpleGrid>
          {HAS_DURATION.includes(entry.kind) && (
            <NumberInput
              label={t('timeline.duration')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={duration}
              onChange={setDuration}
              error={errors.durationMinutes}
            />
          )}
          <TextInput
            label={t('timeline.subject')}
            maxLength={300}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            label={t('timeline.details')}
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
