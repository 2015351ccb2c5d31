import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { HOLD_TARGET_KINDS, type HoldScope, useLegalHoldActions } from '../../../api/use-legal-holds';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';
import { kindLabel, SCOPE_LABELS } from './hold-words';

const FIELDS: FieldMap = {
  scope: { label: 'Scope' },
  targetKind: { label: 'Kind' },
  targetId: { label: 'ID' },
  reason: { label: 'Reason' },
};

export interface HoldPrefill {
  scope: HoldScope;
  targetKind: string;
  targetId: string;
}

const EMPTY = { scope: 'subject' as HoldScope, targetKind: 'contact', targetId: '', reason: '' };

/** Sets a legal hold: on the organization, a data subject or a record, with the matter it is for. */
export function SetHoldModal({
  opened,
  prefill,
  onClose,
}: {
  opened: boolean;
  prefill?: HoldPrefill;
  onClose: () => void;
}) {
  const { create } = useLegalHoldActions();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: EMPTY,
    validate: {
      targetId: sentenceRule((id: string, values: typeof EMPTY) =>
        values.scope === 'organization' || id.trim() ? null : 'Enter the id of what the hold covers',
      ),
      reason: sentenceRule((reason: string) =>
        reason.trim().length >= 3 ? null : 'Say which matter needs the data kept',
      ),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: fills the form when the modal opens
  useEffect(() => {
    if (!opened) return;
    setElsewhere([]);
    create.reset();
    form.setValues({ ...EMPTY, ...prefill });
    form.clearErrors();
  }, [opened, prefill?.targetId]);

  const scope = form.values.scope;
  const kinds = scope === 'organization' ? [] : HOLD_TARGET_KINDS[scope];
  const chooseScope = (value: string | null) => {
    const next = (value ?? 'subject') as HoldScope;
    form.setFieldValue('scope', next);
    if (next !== 'organization' && !HOLD_TARGET_KINDS[next].includes(form.values.targetKind)) {
      form.setFieldValue('targetKind', HOLD_TARGET_KINDS[next][0]);
    }
  };
  const submit = form.onSubmit((values) => {
    const body =
      values.scope === 'organization'
        ? { scope: values.scope, reason: values.reason.trim() }
        : { ...values, targetId: values.targetId.trim(), reason: values.reason.trim() };
    create.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'The legal hold is in force.' });
        onClose();
      },
      onError: (error) => {
        setElsewhere(applyFieldErrors(form, error, FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);
  const problem = formProblemOf(create.error);

  return (
    <Modal opened={opened} onClose={onClose} title="Set a legal hold" size="lg" centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" role="alert" title="The hold was not set">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <Select
            label="Scope"
            description="While the hold is in force, no retention rule deletes what it covers and no erasure of it proceeds."
            required
            allowDeselect={false}
            data={Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('scope')}
            onChange={chooseScope}
          />
          {scope !== 'organization' && (
            <>
              <Select
                label="Kind"
                required
                allowDeselect={false}
                data={kinds.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
                {...form.getInputProps('targetKind')}
              />
              <TextInput
                label="ID"
                description={`The id of the ${kindLabel(form.values.targetKind).toLowerCase()}, as its page address shows it.`}
                placeholder="3f2b8c1e-…"
                required
                ff="monospace"
                {...form.getInputProps('targetId')}
              />
            </>
          )}
          <Textarea
            label="Reason"
            description="Name the matter, not people: a case or request reference, such as “Litigation hold, matter 2026-114”."
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
            <Button type="submit" loading={create.isPending}>
              Set the hold
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
