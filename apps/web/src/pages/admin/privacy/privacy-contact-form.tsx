import { Alert, Button, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import {
  type PolicyDocumentKind,
  type PrivacyContact,
  usePrivacyContact,
  useSavePrivacyContact,
} from '../../../api/use-privacy-admin';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';

const FIELDS: FieldMap = {
  controllerName: { label: 'Controller name' },
  email: { label: 'Privacy email' },
  dpoName: { label: 'DPO name' },
  dpoEmail: { label: 'DPO email' },
  postalAddress: { label: 'Postal address' },
  phone: { label: 'Phone' },
  authorityName: { label: 'Supervisory authority' },
  authorityUrl: { label: "Authority's website" },
};

type Values = Record<keyof PrivacyContact, string>;

const EMPTY: Values = {
  controllerName: '',
  email: '',
  dpoName: '',
  dpoEmail: '',
  postalAddress: '',
  phone: '',
  authorityName: '',
  authorityUrl: '',
};

const required = (label: string) =>
  sentenceRule((value: string) => (value.trim().length < 2 ? `${label} is required` : null));

/** Loads the contact, then shows the form (so it starts from the saved values). */
export function PrivacyContactSection({ document }: { document: PolicyDocumentKind }) {
  const contact = usePrivacyContact(document);
  return (
    <Stack>
      <Title order={3}>Privacy contact</Title>
      {contact.data && <PrivacyContactForm document={document} contact={contact.data.contact} />}
    </Stack>
  );
}

function PrivacyContactForm({ document, contact }: { document: PolicyDocumentKind; contact: PrivacyContact | null }) {
  const save = useSavePrivacyContact(document);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: Object.fromEntries(
      Object.entries(EMPTY).map(([field]) => [field, contact?.[field as keyof PrivacyContact] ?? '']),
    ) as Values,
    validate: {
      controllerName: required('Controller name'),
      email: sentenceRule((value: string) => (/^[^@\s]+@[^@\s]+$/.test(value.trim()) ? null : 'Give an email address')),
      authorityName: required('Supervisory authority'),
    },
  });
  const submit = form.onSubmit(
    (values) => {
      setElsewhere([]);
      const optional = (value: string) => value.trim() || null;
      save.mutate(
        {
          controllerName: values.controllerName.trim(),
          email: values.email.trim(),
          dpoName: optional(values.dpoName),
          dpoEmail: optional(values.dpoEmail),
          postalAddress: optional(values.postalAddress),
          phone: optional(values.phone),
          authorityName: values.authorityName.trim(),
          authorityUrl: optional(values.authorityUrl),
        },
        {
          onSuccess: () => {
            form.resetDirty();
            notifications.show({ color: 'green', message: 'Privacy contact saved; the draft states it now.' });
          },
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
    <form ref={ref} onSubmit={submit} noValidate aria-label="Privacy contact">
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Controller name" required {...form.getInputProps('controllerName')} />
          <TextInput label="Privacy email" type="email" required {...form.getInputProps('email')} />
          <TextInput label="DPO name" {...form.getInputProps('dpoName')} />
          <TextInput label="DPO email" type="email" {...form.getInputProps('dpoEmail')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Supervisory authority" required {...form.getInputProps('authorityName')} />
          <TextInput label="Authority's website" type="url" {...form.getInputProps('authorityUrl')} />
        </SimpleGrid>
        <Textarea label="Postal address" autosize minRows={2} {...form.getInputProps('postalAddress')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
