import { Checkbox, Fieldset, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../i18n/calendar';

/** The answer to the age gate as the form holds it. */
export interface AgeGateValue {
  dateOfBirth: string;
  confirmAge: boolean;
}

export const emptyAgeGate: AgeGateValue = { dateOfBirth: '', confirmAge: false };

/** What the API expects: a date of birth, or the confirmation, or nothing (it then asks for one). */
export function ageAnswer(value: AgeGateValue): { dateOfBirth?: string; confirmAge?: boolean } {
  if (value.confirmAge) return { confirmAge: true };
  return value.dateOfBirth ? { dateOfBirth: value.dateOfBirth } : {};
}

/**
 * The age gate of sign-up and of accepting an invitation: a date of birth, or a tick
 * instead. The API checks it once and keeps neither.
 */
export function AgeGateFields({
  minimumAge,
  value,
  onChange,
  error,
}: {
  minimumAge: number;
  value: AgeGateValue;
  onChange: (value: AgeGateValue) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('ageGate.legend')} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Stack gap="xs">
        <TextInput
          label={t('ageGate.dateOfBirth')}
          description={t('ageGate.dateOfBirthHint', { age: minimumAge })}
          type="date"
          min="1900-01-01"
          max={todayIso()}
          disabled={value.confirmAge}
          value={value.confirmAge ? '' : value.dateOfBirth}
          onChange={(event) => onChange({ ...value, dateOfBirth: event.currentTarget.value })}
          error={error}
        />
        <Checkbox
          label={t('ageGate.confirm', { age: minimumAge })}
          description={t('ageGate.confirmHint')}
          checked={value.confirmAge}
          onChange={(event) => onChange({ ...value, confirmAge: event.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}
