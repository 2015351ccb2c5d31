import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { type RetentionRule, useSetRetentionPeriod } from '../../../api/use-retention';
import { applyFieldErrors } from '../../../forms/form-errors';

/**
 * The organization's own period for a rule that allows one, within the rule's bounds. The purge
 * and the organization's privacy notice use it from the next run and the next draft.
 */
export function PeriodModal({ rule, onClose }: { rule: RetentionRule | null; onClose: () => void }) {
  const save = useSetRetentionPeriod();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm<{ value: number | string }>({ initialValues: { value: '' } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another rule opens
  useEffect(() => {
    if (rule) form.setValues({ value: rule.value });
    setElsewhere([]);
    save.reset();
  }, [rule?.key]);
  if (!rule) return null;
  const bounds = rule.adjustable;
  const submit = async (value: number | null) => {
    setElsewhere([]);
    try {
      await save.mutateAsync({ key: rule.key, value });
      onClose();
    } catch (error) {
      setElsewhere(applyFieldErrors(form, error, { value: { label: 'Period' } }));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Period for: ${rule.title}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={form.onSubmit(({ value }) => submit(Number(value)))} noValidate>
        <Stack>
          <Text size="sm">
            The platform keeps this {rule.platformValue} {rule.unit}. Your organization may choose between {bounds?.min}{' '}
            and {bounds?.max} {rule.unit}; your privacy notice will state the period you choose.
          </Text>
          <NumberInput
            label={`Period in ${rule.unit}`}
            min={bounds?.min}
            max={bounds?.max}
            allowDecimal={false}
            clampBehavior="none"
            data-autofocus
            {...form.getInputProps('value')}
          />
          {elsewhere.length > 0 && (
            <Alert color="red" role="alert">
              {elsewhere.join(' ')}
            </Alert>
          )}
          <Group justify="flex-end">
            {rule.organizationValue !== null && (
              <Button variant="subtle" onClick={() => submit(null)} loading={save.isPending}>
                Use the platform’s period
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              Save period
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
