import { Alert } from '@mantine/core';
import { type FormValidateInput, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';

/**
 * The form state of a client or contact dialog on @mantine/form: the draft, client-side
 * rules, the server's field errors mapped onto the fields (others listed in `elsewhere`),
 * and the focus on the first field in error after a refused submit.
 */
export function useRecordForm<Draft extends object>(initial: Draft, rules: FormValidateInput<Draft>, fields: FieldMap) {
  const form = useForm<Draft>({ initialValues: initial, validate: rules });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  return {
    form,
    ref,
    elsewhere,
    draft: form.values,
    errors: form.errors as Record<string, string>,
    onChange: (changes: Partial<Draft>) => form.setValues(changes),
    /** A submit handler that checks the rules, then sends the draft. */
    submit: (send: (draft: Draft) => void) =>
      form.onSubmit((values) => {
        setElsewhere([]);
        send(values);
      }, focusFirstError),
    /** For the mutation's onError. */
    refused: (error: unknown) => {
      setElsewhere(applyFieldErrors(form, error, fields));
      focusFirstError();
    },
    /** Starts over from another draft (after a reload, or a close). */
    startOver: (draft: Draft) => {
      form.setInitialValues(draft);
      form.setValues(draft);
      form.clearErrors();
      setElsewhere([]);
    },
  };
}

/** Server objections to fields the form does not show, each once. */
export function ElsewhereAlert({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <Alert color="red" title={t('recordForm.notSaved')} role="alert">
      {messages.join(' ')}
    </Alert>
  );
}
