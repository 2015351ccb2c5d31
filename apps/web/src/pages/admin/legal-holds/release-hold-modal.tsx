import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { type LegalHold, useLegalHoldActions } from '../../../api/use-legal-holds';
import { applyFieldErrors, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';

/** Releases a hold with the reason it is no longer needed; the hold stays on record. */
export function ReleaseHoldModal({ hold, onClose }: { hold: LegalHold | null; onClose: () => void }) {
  const { release } = useLegalHoldActions();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: sentenceRule((reason: string) =>
        reason.trim().length >= 3 ? null : 'Say why the hold is no longer needed',
      ),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: empties the form when the modal opens
  useEffect(() => {
    if (!hold) return;
    setElsewhere([]);
    release.reset();
    form.reset();
  }, [hold?.id]);

  const submit = form.onSubmit(({ reason }) => {
    if (!hold) return;
    release.mutate(
      { id: hold.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'The legal hold is released.' });
          onClose();
        },
        onError: (error) => {
          setElsewhere(applyFieldErrors(form, error, { reason: { label: 'Reason' } }));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);
  const problem = formProblemOf(release.error);

  return (
    <Modal opened={hold !== null} onClose={onClose} title="Release the legal hold?" centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" role="alert" title="The hold was not released">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <Text size="sm">
            What the hold kept becomes subject to its retention rules again: anything past its period is deleted by the
            next run, and erasures waiting for the hold resume. The hold stays on record.
          </Text>
          <Textarea
            label="Reason"
            description="Why the matter no longer needs the data, such as “Matter 2026-114 settled”."
            required
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={release.isPending}>
              Release the hold
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
