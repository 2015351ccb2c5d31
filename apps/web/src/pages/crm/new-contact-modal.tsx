import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formProblemOf } from '../../api/problems';
import type { Client } from '../../api/use-clients';
import { useCreateContact } from '../../api/use-contacts';
import { CONTACT_RULES, ContactFields, contactFields, createContactBodyOf, newContactDraft } from './contact-form';
import { useCrmAccess } from './use-crm-access';
import { ElsewhereAlert, useRecordForm } from './use-record-form';

/** Adds a contact; from a client's page, at that client (and stays there), otherwise opens the new contact. */
export function NewContactModal({
  opened,
  onClose,
  client,
}: {
  opened: boolean;
  onClose: () => void;
  client?: Client;
}) {
  const { defaultBranchId } = useCrmAccess();
  const { t } = useTranslation();
  const create = useCreateContact();
  const navigate = useNavigate();
  const record = useRecordForm(newContactDraft(client?.id ?? null, defaultBranchId), CONTACT_RULES, contactFields());
  // The default branch arrives with the branches; until the person picks one, follow it.
  const { isDirty, setFieldValue } = record.form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the default only as it changes
  useEffect(() => {
    if (!isDirty('branchId')) setFieldValue('branchId', defaultBranchId);
  }, [defaultBranchId]);

  function close() {
    create.reset();
    record.startOver(newContactDraft(client?.id ?? null, defaultBranchId));
    onClose();
  }

  const submit = record.submit((draft) => {
    create.mutate(createContactBodyOf(draft), {
      onSuccess: (contact) => {
        notifications.show({ color: 'teal', title: t('contactForm.added'), message: contact.fullName });
        close();
        if (!client) navigate(`/contacts/${contact.id}`);
      },
      onError: record.refused,
    });
  });

  const problem = formProblemOf(create.error);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={client ? t('contactForm.newAt', { client: client.name }) : t('contactForm.newTitle')}
      size="lg"
      centered
    >
      <form ref={record.ref} onSubmit={submit} noValidate aria-label={t('contactForm.newTitle')}>
        <Stack>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <ElsewhereAlert messages={record.elsewhere} />
          <ContactFields
            draft={record.draft}
            onChange={record.onChange}
            errors={record.errors}
            clientFixed={Boolean(client)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('contactForm.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
