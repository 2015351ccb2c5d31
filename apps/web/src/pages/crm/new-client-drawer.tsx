import { Alert, Button, Drawer, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formProblemOf } from '../../api/problems';
import { useCreateClient } from '../../api/use-clients';
import { CLIENT_RULES, ClientFields, clientFields, createBodyOf, newClientDraft } from './client-form';
import { useCrmAccess } from './use-crm-access';
import { ElsewhereAlert, useRecordForm } from './use-record-form';

/** Adds a client and opens its page. */
export function NewClientDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { defaultBranchId } = useCrmAccess();
  const create = useCreateClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const record = useRecordForm(newClientDraft(defaultBranchId), CLIENT_RULES, clientFields());
  // The default branch arrives with the branches; until the person picks one, follow it.
  const { isDirty, setFieldValue } = record.form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the default only as it changes
  useEffect(() => {
    if (!isDirty('branchId')) setFieldValue('branchId', defaultBranchId);
  }, [defaultBranchId]);

  function close() {
    create.reset();
    record.startOver(newClientDraft(defaultBranchId));
    onClose();
  }

  const submit = record.submit((draft) => {
    create.mutate(createBodyOf(draft), {
      onSuccess: (client) => {
        notifications.show({ color: 'teal', title: t('clientForm.added'), message: client.name });
        close();
        navigate(`/clients/${client.id}`);
      },
      onError: record.refused,
    });
  });

  const problem = formProblemOf(create.error);
  return (
    <Drawer opened={opened} onClose={close} title={t('clientForm.newTitle')} position="right" size="lg">
      <form ref={record.ref} onSubmit={submit} noValidate aria-label={t('clientForm.newTitle')}>
        <Stack>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <ElsewhereAlert messages={record.elsewhere} />
          <ClientFields draft={record.draft} onChange={record.onChange} errors={record.errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('clientForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
