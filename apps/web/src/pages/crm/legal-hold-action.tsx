import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../auth/use-permissions';
import { SetHoldModal } from '../admin/legal-holds/set-hold-modal';

/** "Legal hold" on a client's or contact's page: the set form, prefilled with this subject. */
export function LegalHoldAction({ kind, id }: { kind: 'client' | 'contact'; id: string }) {
  const { can } = usePermissions();
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!can('legal-holds:write')) return null;
  return (
    <>
      <Button size="xs" variant="light" color="gray" onClick={() => setOpened(true)}>
        {t('contact.legalHold')}
      </Button>
      <SetHoldModal
        opened={opened}
        prefill={{ scope: 'subject', targetKind: kind, targetId: id }}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
