import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { formProblemOf, problemOf } from '../api/problems';
import { useSignUp } from '../api/use-account-links';
import { useAuth } from '../auth/auth-context';
import { AgeGateFields, ageAnswer, emptyAgeGate } from '../components/age-gate-fields';
import { AuthFrame } from '../components/auth-frame';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { ageRule, newPasswordRule } from '../forms/rules';
import { ResendVerificationForm } from './verify-email-page';

/** A new organization's minimum age; its owner may lower it afterwards, to 13 at the lowest. */
const SIGN_UP_MINIMUM_AGE = 18;

const emptyForm = { organizationName: '', fullName: '', email: '', password: '', ...emptyAgeGate };

const FIELDS: FieldMap = {
  organizationName: { label: 'Organization name' },
  fullName: { label: 'Full name' },
  email: { label: 'Email' },
  password: { label: 'Password' },
  dateOfBirth: { label: 'Date of birth' },
  confirmAge: { label: 'Your age', path: 'dateOfBirth' },
};

/** Self sign-up: a new organization with you as its owner, confirmed by an emailed link. */
export function SignUpPage() {
  const { user } = useAuth();
  const signUp = useSignUp();
  const form = useForm({
    initialValues: emptyForm,
    validate: {
      organizationName: (name) => (name.trim() ? null : 'Name your organization, such as your company’s name.'),
      fullName: (name) => (name.trim() ? null : 'Enter your full name.'),
      email: isEmail('Enter your email address, such as name@example.com.'),
      password: newPasswordRule,
      dateOfBirth: ageRule,
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  if (user) return <Navigate to="/" replace />;

  const problem = formProblemOf(signUp.error);

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    signUp.mutate(
      {
        organizationName: values.organizationName.trim(),
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        password: values.password,
        ...ageAnswer(values),
      },
      {
        onSuccess: () => setSentTo(values.email.trim()),
        onError: (error) => {
          const refused = problemOf(error);
          if (refused?.problem.code === 'under-minimum-age') {
            // Nothing was kept on the server; nothing is kept here either.
            setRefusal(refused.message);
            form.reset();
            return;
          }
          setElsewhere(applyFieldErrors(form, error, FIELDS));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  if (refusal) {
    return (
      <AuthFrame title="Create your organization">
        <Alert color="orange" title="You are below the minimum age for an account" role="alert">
          {refusal}
        </Alert>
        <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="block">
          Back to sign in
        </Anchor>
      </AuthFrame>
    );
  }

  if (sentTo) {
    return (
      <AuthFrame title="Check your inbox">
        <Stack>
          <Alert color="teal" title="Confirm your email address" role="status">
            We sent a link to {sentTo}. Follow it within 48 hours to confirm your address, then sign in. If that address
            already has an account, the email tells you how to sign in instead.
          </Alert>
          <Text size="sm">No email after a few minutes? Check your spam folder, or ask for a new link.</Text>
          <ResendVerificationForm defaultEmail={sentTo} />
          <Anchor component={Link} to="/sign-in" size="sm">
            Go to sign in
          </Anchor>
        </Stack>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      title="Create your organization"
      subtitle="Start with Steward CRM: you become the owner of a new organization."
    >
      <form ref={ref} onSubmit={submit} noValidate aria-label="Create your organization">
        <Stack>
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" title={problem?.problem.title ?? 'Not created'} role="alert">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <TextInput label="Organization name" required {...form.getInputProps('organizationName')} />
          <TextInput label="Full name" autoComplete="name" required {...form.getInputProps('fullName')} />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 12 characters. A few unrelated words make a strong, memorable password."
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <AgeGateFields
            minimumAge={SIGN_UP_MINIMUM_AGE}
            value={{ dateOfBirth: form.values.dateOfBirth, confirmAge: form.values.confirmAge }}
            onChange={(age) => {
              form.setValues(age);
              form.clearFieldError('dateOfBirth');
            }}
            error={form.errors.dateOfBirth as string | undefined}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
