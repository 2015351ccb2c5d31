import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { fieldErrorsOf, formProblemOf, problemOf } from '../api/problems';
import { useSignUp } from '../api/use-account-links';
import { useAuth } from '../auth/auth-context';
import { AgeGateFields, ageAnswer, emptyAgeGate } from '../components/age-gate-fields';
import { AuthFrame } from '../components/auth-frame';
import { ResendVerificationForm } from './verify-email-page';

/** A new organization's minimum age; its owner may lower it afterwards, to 13 at the lowest. */
const SIGN_UP_MINIMUM_AGE = 18;

const emptyForm = { organizationName: '', fullName: '', email: '', password: '' };

/** Self sign-up: a new organization with you as its owner, confirmed by an emailed link. */
export function SignUpPage() {
  const { user } = useAuth();
  const signUp = useSignUp();
  const [form, setForm] = useState(emptyForm);
  const [age, setAge] = useState(emptyAgeGate);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  if (user) return <Navigate to="/" replace />;

  const fieldErrors = fieldErrorsOf(signUp.error);
  const problem = formProblemOf(signUp.error);

  const field = (name: keyof typeof emptyForm) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget; // read now: React clears currentTarget after the event
      setForm((current) => ({ ...current, [name]: value }));
    },
    error: fieldErrors[name],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate(
      { ...form, organizationName: form.organizationName.trim(), fullName: form.fullName.trim(), ...ageAnswer(age) },
      {
        onSuccess: () => setSentTo(form.email),
        onError: (error) => {
          const refused = problemOf(error);
          if (refused?.problem.code !== 'under-minimum-age') return;
          // Nothing was kept on the server; nothing is kept here either.
          setRefusal(refused.message);
          setForm(emptyForm);
          setAge(emptyAgeGate);
        },
      },
    );
  }

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
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <TextInput label="Organization name" required {...field('organizationName')} />
          <TextInput label="Full name" autoComplete="name" required {...field('fullName')} />
          <TextInput label="Email" type="email" autoComplete="email" required {...field('email')} />
          <PasswordInput
            label="Password"
            description="At least 12 characters. A few unrelated words make a strong, memorable password."
            autoComplete="new-password"
            required
            {...field('password')}
          />
          <AgeGateFields
            minimumAge={SIGN_UP_MINIMUM_AGE}
            value={age}
            onChange={setAge}
            error={fieldErrors.dateOfBirth ?? fieldErrors.confirmAge}
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
