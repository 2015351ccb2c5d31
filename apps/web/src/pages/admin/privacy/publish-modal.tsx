import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { type PolicyDocumentKind, type PolicyDraft, usePublishDraft } from '../../../api/use-privacy-admin';
import { applyFieldErrors, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';

/** Publishing asks for the note readers see in the version history, and says what follows. */
export function PublishModal({
  document,
  draft,
  onClose,
}: {
  document: PolicyDocumentKind;
  draft: PolicyDraft;
  onClose: () => void;
}) {
  const publish = usePublishDraft(document);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm({
    initialValues: { changeNote: '' },
    validate: {
      changeNote: sentenceRule((note: string) =>
        note.trim().length < 3 ? 'Say in a sentence what changed (at least 3 characters)' : null,
      ),
    },
  });
  const submit = form.onSubmit(
    ({ changeNote }) =>
      publish.mutate(
        { version: draft.draftVersion, changeNote: changeNote.trim() },
        {
          onSuccess: onClose,
          onError: (error) => {
            setElsewhere(applyFieldErrors(form, error, { changeNote: { label: 'Change note' } }));
            focusFirstError();
          },
        },
      ),
    () => focusFirstError(),
  );
  const problem = formProblemOf(publish.error);
  return (
    <Modal opened onClose={onClose} title={`Publish version ${draft.number}?`} centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {document === 'platform'
              ? 'The new version takes effect now, and every user will be asked to accept it before they continue working.'
              : 'The new version takes effect now and replaces the notice your contacts read.'}
          </Text>
          {problem && (
            <Alert color="red" role="alert" title={problem.problem.title}>
              {problem.problem.status === 409
                ? 'Someone else changed the draft meanwhile: close this, reload the draft and review it again.'
                : problem.message}
            </Alert>
          )}
          {elsewhere.length > 0 && (
            <Alert color="red" role="alert" title="Not published">
              {elsewhere.join(' ')}
            </Alert>
          )}
          <Textarea
            label="Change note"
            description="What changed, in a sentence readers see in the version history."
            required
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('changeNote')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={publish.isPending}>
              Publish
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
