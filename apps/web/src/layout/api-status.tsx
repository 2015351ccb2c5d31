import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReadiness } from '../api/use-health';

export function ApiStatus() {
  const { t } = useTranslation();
  const readiness = useReadiness();
  if (readiness.isPending)
    return (
      <Badge color="gray" variant="light">
        {t('shell.checkingService')}
      </Badge>
    );
  if (readiness.isError) {
    return (
      <Tooltip label={readiness.error.message}>
        <Badge color="red" variant="light">
          {t('shell.serviceUnavailable')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge color="teal" variant="light" role="status">
      {t('shell.serviceOnline')}
    </Badge>
  );
}
