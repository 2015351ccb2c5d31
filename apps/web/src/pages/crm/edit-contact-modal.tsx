import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formProblemOf } from '../../api/problems';
import { type Contact, fetchContact, useUpdateContact } from '../../api/use-contacts';
import { CONTACT_RULES, ContactFields, contactDraftOf, contactFields, contactPatchOf } from './contact-form';
import { StaleAlert } from './stale-alert';
import { ElsewhereAlert, useRecordForm } from './use-record-form';

/** Edits a contact with the version it read; a 409 offers to start over from the server's copy. */
export function EditContactModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const update = useUpdateContact();
  const { t } = useTranslation();
  const [original, setOriginal] = useState(contact);
  const record = useRecordForm(contactDraftOf(contact), CONTACT_RULES, contactFields());
  const [reloading, setReloading] = useState(false);

  const submit = record.submit((draft) => {
    const patch = contactPatchOf(original, draft, original.version);
    if (Object.keys(patch).length === 1) return onClose(); // nothing changed
    update.mutate(
      { id: contact.id, ...patch },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: t('common.saved'), message: saved.fullName });
          onClose();
        },
        onError: record.refused,
      },
    );
  });

  async function reload() {
    setReloading(true);
    try {
      const current = await fetchContact(contact.id);
      setOriginal(current);
      record.startOver(contactDraftOf(current));
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const problem = formProblemOf(update.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal opened onClose={onClose} title={t('contactForm.editTitle', { name: contact.fullName })} size="lg" centered>
      <form ref={record.ref} onSubmit={submit} noValidate aria-label={t('contactForm.editForm')}>
        <Stack>
          {stale ? (
            <StaleAlert what={t('record.what.contact')} reloading={reloading} onReload={reload} />
          ) : (
            problem && (
              <Alert color="red" title={problem.problem.title} role="alert">
                {problem.message}
              </Alert>
            )
          )}
          <ElsewhereAlert messages={record.elsewhere} />
          <ContactFields draft={record.draft} onChange={record.onChange} errors={record.errors} />
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
