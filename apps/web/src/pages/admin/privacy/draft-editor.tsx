import { Alert, Button, Fieldset, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formProblemOf, problemOf } from '../../../api/problems';
import {
  type PolicyDocumentKind,
  type PolicyDraft,
  type PolicySection,
  useDiscardDraft,
  useSaveDraft,
} from '../../../api/use-privacy-admin';
import { ConfirmModal } from '../../../components/confirm-modal';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../../forms/form-errors';
import { PolicyDiff } from './policy-diff';
import classes from './privacy-admin.module.css';
import { PublishModal } from './publish-modal';

type EditedSection = PolicySection & { statements: string[] };

/** Each section's fields as the API names them (`sections.2.title`), for its errors. */
const fieldsOf = (sections: EditedSection[]): FieldMap =>
  Object.fromEntries(
    sections.flatMap((_, index) =>
      (['title', 'prose', 'closing', 'key'] as const).map((field) => [
        `sections.${index}.${field}`,
        { label: field === 'key' ? 'Key' : field.charAt(0).toUpperCase() + field.slice(1) },
      ]),
    ),
  );

/** A key no section has: lowercase, as the API wants, and stable once saved. */
const newKey = (sections: EditedSection[]) => {
  let n = sections.length + 1;
  while (sections.some((section) => section.key === `section-${n}`)) n += 1;
  return `section-${n}`;
};

/**
 * The open draft: each section's title, prose and closing words to edit; the facts stay
 * read-only (they are generated from settings). Re-mounted per saved draftVersion, so the
 * form always starts from what the server holds.
 */
export function DraftEditor({
  document,
  draft,
  onReload,
}: {
  document: PolicyDocumentKind;
  draft: PolicyDraft;
  onReload: () => void;
}) {
  const save = useSaveDraft(document);
  const discard = useDiscardDraft(document);
  const [publishing, setPublishing] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm<{ sections: EditedSection[] }>({ initialValues: { sections: draft.sections } });
  const sections = form.getValues().sections;

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    save.mutate(
      {
        version: draft.draftVersion,
        sections: values.sections.map(({ statements: _statements, ...section }) => section),
      },
      {
        onError: (error) => {
          setElsewhere(applyFieldErrors(form, error, fieldsOf(values.sections)));
          focusFirstError();
        },
      },
    );
  });

  const problem = formProblemOf(save.error);
  const stale = problemOf(save.error)?.problem.status === 409;
  const dirty = form.isDirty();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Draft of version {draft.number}. Paragraphs are separated by a blank line. The lists of facts come from your
        settings and change with them.
      </Text>
      <form ref={ref} onSubmit={submit} noValidate aria-label="Draft">
        <Stack>
          {sections.map((section, index) => (
            <Fieldset key={section.key} legend={`Section ${index + 1}: ${section.title || 'untitled'}`}>
              <Stack gap="xs">
                <TextInput label="Title" required maxLength={120} {...form.getInputProps(`sections.${index}.title`)} />
                <Textarea label="Prose" autosize minRows={2} {...form.getInputProps(`sections.${index}.prose`)} />
                {section.facts && (
                  <div>
                    <Text size="sm" fw={500}>
                      Statements (generated from settings)
                    </Text>
                    <List size="sm" c="dimmed" className={classes.statements}>
                      {section.statements.map((statement) => (
                        <List.Item key={statement}>{statement}</List.Item>
                      ))}
                    </List>
                  </div>
                )}
                <Textarea label="Closing" autosize minRows={1} {...form.getInputProps(`sections.${index}.closing`)} />
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={index === 0}
                    onClick={() => form.reorderListItem('sections', { from: index, to: index - 1 })}
                  >
                    Move up
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={index === sections.length - 1}
                    onClick={() => form.reorderListItem('sections', { from: index, to: index + 1 })}
                  >
                    Move down
                  </Button>
                  {!section.facts && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => form.removeListItem('sections', index)}
                    >
                      Remove section
                    </Button>
                  )}
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                form.insertListItem('sections', {
                  key: newKey(sections),
                  title: 'New section',
                  prose: '',
                  facts: null,
                  closing: '',
                  statements: [],
                })
              }
            >
              Add a section
            </Button>
          </Group>
          {problem && (
            <Alert color="red" role="alert" title={stale ? 'Someone else changed this draft' : problem.problem.title}>
              {stale ? (
                <>
                  Reload it to see their changes; yours here are not saved.{' '}
                  <Button size="xs" variant="light" onClick={onReload}>
                    Reload the draft
                  </Button>
                </>
              ) : (
                problem.message
              )}
            </Alert>
          )}
          {elsewhere.length > 0 && (
            <Alert color="red" role="alert" title="The draft was not saved">
              {elsewhere.join(' ')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save draft
            </Button>
            <Button variant="default" color="red" onClick={() => setDiscarding(true)}>
              Discard draft
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={3} mt="md">
        What publishing changes
      </Title>
      {dirty && <Text size="sm">Save the draft to see your latest edits here.</Text>}
      <PolicyDiff changes={draft.changes} />
      <Group>
        <Button onClick={() => setPublishing(true)} disabled={dirty || draft.changes.length === 0}>
          Publish version {draft.number}
        </Button>
      </Group>
      {publishing && <PublishModal document={document} draft={draft} onClose={() => setPublishing(false)} />}
      <ConfirmModal
        opened={discarding}
        title="Discard this draft?"
        confirmLabel="Discard draft"
        busy={discard.isPending}
        onConfirm={() => discard.mutate(undefined, { onSuccess: () => setDiscarding(false) })}
        onClose={() => setDiscarding(false)}
      >
        Its edits are lost. A draft of facts changed by settings comes back until those facts are published.
      </ConfirmModal>
    </Stack>
  );
}
