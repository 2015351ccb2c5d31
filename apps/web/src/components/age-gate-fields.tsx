import { Checkbox, Fieldset, Stack, TextInput } from '@mantine/core';

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

const today = () => new Date().toISOString().slice(0, 10);

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
  return (
    <Fieldset legend="Your age" variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Stack gap="xs">
        <TextInput
          label="Date of birth"
          description={`Accounts are for people aged ${minimumAge} or over. We check it once and do not keep it.`}
          type="date"
          min="1900-01-01"
          max={today()}
          disabled={value.confirmAge}
          value={value.confirmAge ? '' : value.dateOfBirth}
          onChange={(event) => onChange({ ...value, dateOfBirth: event.currentTarget.value })}
          error={error}
        />
        <Checkbox
          label={`I am at least ${minimumAge} years old`}
          description="Tick this instead of giving your date of birth."
          checked={value.confirmAge}
          onChange={(event) => onChange({ ...value, confirmAge: event.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}
