import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ProposedCorrection } from '../../api/use-privacy-requests';
import type { FieldMap } from '../../forms/form-errors';
import { CORRECTION_FIELD_LABELS } from '../../labels';

export interface CorrectionRow {
  field: string;
  value: string;
}

const MAX_ROWS = Object.keys(CORRECTION_FIELD_LABELS).length;

/** The API names a row's problems `corrections.<n>.field` and `corrections.<n>.value`: the form's own paths. */
export const CORRECTION_ERROR_FIELDS: FieldMap = Object.fromEntries(
  Array.from({ length: MAX_ROWS }, (_, index) => [
    [`corrections.${index}.field`, { label: 'Field' }],
    [`corrections.${index}.value`, { label: 'New value' }],
  ]).flat(),
);

/** The rows worth sending: a field chosen and a value typed. */
export const correctionsOf = (rows: CorrectionRow[]): ProposedCorrection[] =>
  rows
    .filter((row) => row.field && row.value.trim())
    .map((row) => ({ field: row.field as ProposedCorrection['field'], value: row.value.trim() }));

/**
 * A correction request's proposals: rows of a field of the person's record and its right
 * value. Each field once; the organization's officer reviews each before it is applied.
 */
export function CorrectionsInput<Values extends { corrections: CorrectionRow[] }>({
  form,
}: {
  form: UseFormReturnType<Values>;
}) {
  const rows = form.values.corrections;
  const taken = new Set(rows.map((row) => row.field));
  // Mantine's list helpers are typed by path; these paths are built at run time.
  const list = form as unknown as UseFormReturnType<{ corrections: CorrectionRow[] }>;
  return (
    <Stack gap="xs" role="group" aria-label="Corrections">
      <Text size="sm" fw={500}>
        What should be corrected
      </Text>
      <Text size="xs" c="dimmed">
        Choose a detail and write what it should say. The organization checks each before changing it.
      </Text>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
        <Group key={index} align="flex-start" wrap="nowrap">
          <Select
            label="Field"
            aria-label={`Field ${index + 1}`}
            w={160}
            data={Object.entries(CORRECTION_FIELD_LABELS).map(([value, label]) => ({
              value,
              label,
              disabled: value !== row.field && taken.has(value),
            }))}
            {...list.getInputProps(`corrections.${index}.field`)}
          />
          <TextInput
            label="New value"
            aria-label={`New value ${index + 1}`}
            style={{ flex: 1 }}
            maxLength={254}
            {...list.getInputProps(`corrections.${index}.value`)}
          />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="gray"
            aria-label={`Remove correction ${index + 1}`}
            onClick={() => list.removeListItem('corrections', index)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {rows.length < MAX_ROWS && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => list.insertListItem('corrections', { field: '', value: '' })}
        >
          Add a correction
        </Button>
      )}
    </Stack>
  );
}
