import { Alert, Button, Group, Modal, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { type PolicyDocumentKind, type Processor, useSaveProcessor } from '../../../api/use-privacy-admin';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';

const FIELDS: FieldMap = {
  name: { label: 'Name' },
  purpose: { label: 'Purpose' },
  dataCategories: { label: 'Data categories' },
  location: { label: 'Location' },
  safeguard: { label: 'Safeguard' },
  dpaDate: { label: 'DPA signed on' },
};

const atLeastTwo = (label: string) =>
  sentenceRule((value: string) => (value.trim().length < 2 ? `${label} must be at least 2 characters` : null));

/** Adds a processor, or changes one (`processor` given). */
export function ProcessorModal({
  document,
  processor,
  onClose,
}: {
  document: PolicyDocumentKind;
  processor: Processor | null;
  onClose: () => void;
}) {
  const save = useSaveProcessor(document);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm({
    initialValues: {
      name: processor?.name ?? '',
      purpose: processor?.purpose ?? '',
      dataCategories: processor?.dataCategories ?? [],
      location: processor?.location ?? '',
      safeguard: processor?.safeguard ?? '',
      dpaDate: processor?.dpaDate ?? '',
    },
    validate: {
      name: atLeastTwo('Name'),
      purpose: atLeastTwo('Purpose'),
      location: atLeastTwo('Location'),
      safeguard: atLeastTwo('Safeguard'),
    },
  });
  const submit = form.onSubmit(
    (values) => {
      setElsewhere([]);
      save.mutate(
        {
          id: processor?.id,
          version: processor?.version,
          name: values.name.trim(),
          purpose: values.purpose.trim(),
          dataCategories: values.dataCategories,
          location: values.location.trim(),
          safeguard: values.safeguard.trim(),
          dpaDate: values.dpaDate || null,
        },
        {
          onSuccess: onClose,
          onError: (error) => {
            setElsewhere(applyFieldErrors(form, error, FIELDS));
            focusFirstError();
          },
        },
      );
    },
    () => focusFirstError(),
  );
  const problem = formProblemOf(save.error);
  return (
    <Modal opened onClose={onClose} title={processor ? `Change ${processor.name}` : 'Add a processor'} centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" role="alert" title={problem.problem.title}>
              {problem.message}
            </Alert>
          )}
          {elsewhere.length > 0 && (
            <Alert color="red" role="alert" title="Not saved">
              {elsewhere.join(' ')}
            </Alert>
          )}
          <TextInput label="Name" required maxLength={120} {...form.getInputProps('name')} />
          <TextInput label="Purpose" required maxLength={300} {...form.getInputProps('purpose')} />
          <TagsInput
            label="Data categories"
            description="Press Enter after each category."
            maxTags={20}
            {...form.getInputProps('dataCategories')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Location" required maxLength={120} {...form.getInputProps('location')} />
            <TextInput label="Safeguard" required maxLength={200} {...form.getInputProps('safeguard')} />
          </SimpleGrid>
          <TextInput label="DPA signed on" type="date" {...form.getInputProps('dpaDate')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save processor
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
