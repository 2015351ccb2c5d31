import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The API refused an edit with 409: someone saved this record after it was loaded. */
export function StaleAlert({ what, reloading, onReload }: { what: string; reloading: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('recordForm.staleTitle', { what })} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('recordForm.staleText')}</Text>
        <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
