import { Alert, Button, Container, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formProblemOf } from '../../api/problems';
import { type PublicPrivacyRequest, useSubmitPublicPrivacyRequest } from '../../api/use-privacy-requests';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
import { REQUEST_TYPE_LABELS } from '../../labels';
import { usePageTitle } from '../../layout/page-title';
import { CORRECTION_ERROR_FIELDS, type CorrectionRow, CorrectionsInput, correctionsOf } from './corrections-input';

const FIELDS: FieldMap = {
  type: { label: 'What you ask for' },
  email: { label: 'Email' },
  fullName: { label: 'Your name' },
  message: { label: 'Details' },
  ...CORRECTION_ERROR_FIELDS,
};

/**
 * An organization's public request form: anyone, no account. Nothing happens until the
 * requester follows the emailed link, and the answer is the same whatever the address.
 */
export function PublicRequestPage() {
  const { slug = '' } = useParams();
  usePageTitle('Make a privacy request');
  const submit = useSubmitPublicPrivacyRequest(slug);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: {
      type: '',
      email: '',
      fullName: '',
      message: '',
      corrections: [{ field: '', value: '' }] as CorrectionRow[],
    },
    validate: {
      type: isNotEmpty('Choose what you ask for.'),
      email: isEmail('Enter your email address, such as name@example.com.'),
      fullName: isNotEmpty('Enter your name.'),
    },
  });
  const problem = formProblemOf(submit.error);
  const onSubmit = form.onSubmit(async (values) => {
    try {
      await submit.mutateAsync({
        type: values.type as PublicPrivacyRequest['type'],
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        ...(values.message.trim() ? { message: values.message.trim() } : {}),
        ...(values.type === 'rectification' ? { corrections: correctionsOf(values.corrections) } : {}),
      });
      setSentTo(values.email.trim());
    } catch (error) {
      applyFieldErrors(form, error, FIELDS);
      focusFirstError();
    }
  }, focusFirstError);

  return (
    <Container size={640} my={32}>
      <Title order={1}>Make a privacy request</Title>
      <Text c="dimmed" mt={4}>
        Ask this organization about the personal data it holds about you. We email you a link to confirm the request is
        yours; nothing happens until you follow it. The organization answers within 30 days of your confirmation (a
        question within 2 business days).
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg">
        {sentTo ? (
          <Alert color="teal" title="Check your email" role="status">
            If {sentTo} can receive email, a confirmation link is on its way. Follow it within a day to send your
            request. <Link to={`/privacy/${slug}`}>Read the privacy notice</Link>.
          </Alert>
        ) : (
          <form ref={ref} onSubmit={onSubmit} noValidate>
            <Stack>
              {problem && !problem.problem.errors?.length && (
                <Alert color="red" title={problem.problem.title} role="alert">
                  {problem.message}
                </Alert>
              )}
              <Radio.Group label="What you ask for" withAsterisk {...form.getInputProps('type')}>
                <Stack gap="xs" mt="xs">
                  {Object.entries(REQUEST_TYPE_LABELS).map(([type, words]) => (
                    <Radio key={type} value={type} label={words.label} description={words.description} />
                  ))}
                </Stack>
              </Radio.Group>
              <TextInput label="Your name" autoComplete="name" withAsterisk {...form.getInputProps('fullName')} />
              <TextInput
                label="Email"
                type="email"
                autoComplete="email"
                withAsterisk
                description="The address the organization knows you by: the request is matched to it."
                {...form.getInputProps('email')}
              />
              {form.values.type === 'rectification' && <CorrectionsInput form={form} />}
              <Textarea
                label="Details"
                description="Optional: which data, what to correct, your question."
                autosize
                minRows={3}
                maxLength={4000}
                {...form.getInputProps('message')}
              />
              <Button type="submit" loading={submit.isPending}>
                Send request
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Container>
  );
}
