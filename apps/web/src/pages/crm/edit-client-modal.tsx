import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formProblemOf } from '../../api/problems';
import { type Client, fetchClient, useUpdateClient } from '../../api/use-clients';
import { CLIENT_RULES, ClientFields, clientDraftOf, clientFields, patchOf } from './client-form';
import { StaleAlert } from './stale-alert';
import { ElsewhereAlert, useRecordForm } from './use-record-form';

/**
 * Edits a client. Sends the version it was opened with and only the fields that changed;
 * if someone saved the client meanwhile, the API refuses (409) and the form offers to
 * start over from what the server has now.
 */
export function EditClientModal({ client, onClose }: { client: Client; onClose: () => void }) {
  const update = useUpdateClient();
  const [original, setOriginal] = useState(client);
  const { t } = useTranslation();
  const record = useRecordForm(clientDraftOf(client), CLIENT_RULES, clientFields());
  const [reloading, setReloading] = useState(false);

  const submit = record.submit((draft) => {
    const patch = patchOf(original, draft, original.version);
    if (Object.keys(patch).length === 1) return onClose(); // nothing changed
    update.mutate(
      { id: client.id, ...patch },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: t('common.saved'), message: saved.name });
          onClose();
        },
        onError: record.refused,
      },
    );
  });

  async function reload() {
    setReloading(true);
    try {
      const current = await fetchClient(client.id);
      setOriginal(current);
      record.startOver(clientDraftOf(current));
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const problem = formProblemOf(update.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal opened onClose={onClose} title={t('clientForm.editTitle', { name: client.name })} size="lg" centered>
      <form ref={record.ref} onSubmit={submit} noValidate aria-label={t('clientForm.editForm')}>
        <Stack>
          {stale ? (
            <StaleAlert what="client" reloading={reloading} onReload={reload} />
          ) : (
            problem && (
              <Alert color="red" title={problem.problem.title} role="alert">
                {problem.message}
              </Alert>
            )
          )}
          <ElsewhereAlert messages={record.elsewhere} />
          <ClientFields draft={record.draft} onChange={record.onChange} errors={record.errors} />
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
