import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formProblemOf, problemOf } from '../api/problems';
import { useAcceptInvitation, useInvitationPreview } from '../api/use-account-links';
import { useAuth } from '../auth/auth-context';
import { AgeGateFields, ageAnswer, emptyAgeGate } from '../components/age-gate-fields';
import { AuthFrame } from '../components/auth-frame';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { ageRule, newPasswordRule } from '../forms/rules';
import { roleLabel } from '../labels';

const FIELDS: FieldMap = {
  password: { label: 'Password' },
  dateOfBirth: { label: 'Date of birth' },
  confirmAge: { label: 'Your age', path: 'dateOfBirth' },
};

/** Opened from the invitation email: shows what it is for, then the age gate and a password. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { password: '', ...emptyAgeGate },
    validate: { password: newPasswordRule, dateOfBirth: ageRule },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);

  if (refusal) {
    return (
      <AuthFrame title="Invitation declined">
        <Alert color="orange" title="You are below the minimum age for an account" role="alert">
          {refusal} The invitation has been withdrawn.
        </Alert>
      </AuthFrame>
    );
  }

  if (!token || preview.isError) {
    return (
      <AuthFrame title="Accept your invitation">
        <Alert color="red" title="This invitation link does not work" role="alert">
          {token ? preview.error?.message : 'The link is incomplete: open it again from the email.'} Ask the person who
          invited you to send a new invitation.
        </Alert>
      </AuthFrame>
    );
  }

  if (!preview.data) {
    return (
      <AuthFrame title="Accept your invitation">
        <Center py="md">
          <Loader aria-label="Opening your invitation" />
        </Center>
      </AuthFrame>
    );
  }

  const invitation = preview.data;

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    accept.mutate(
      { token, password: values.password, ...ageAnswer(values) },
      {
        onSuccess: () => {
          if (user) return; // someone else is signed in here: the success message says what to do
          navigate('/sign-in', {
            replace: true,
            state: {
              email: invitation.email,
              notice: `Welcome to ${invitation.organizationName}. Your account is ready: sign in with your new password.`,
            },
          });
        },
        onError: (error) => {
          const refused = problemOf(error);
          if (refused?.problem.code === 'under-minimum-age') {
            form.reset();
            setRefusal(refused.message);
            return;
          }
          setElsewhere(applyFieldErrors(form, error, FIELDS));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  if (accept.isSuccess) {
    return (
      <AuthFrame title={`Welcome to ${invitation.organizationName}`}>
        <Alert color="teal" title="Your account is ready" role="status">
          You are signed in here as someone else. Sign out, then sign in as {invitation.email}.{' '}
          <Anchor component={Link} to="/">
            Continue
          </Anchor>
        </Alert>
      </AuthFrame>
    );
  }

  const problem = formProblemOf(accept.error);
  return (
    <AuthFrame
      title={`Join ${invitation.organizationName} as ${roleLabel(invitation.role)}`}
      subtitle="Choose a password to accept the invitation."
    >
      <form ref={ref} onSubmit={submit} noValidate aria-label="Accept the invitation">
        <Stack>
          <Text size="sm">
            You were invited as <strong>{invitation.fullName}</strong> ({invitation.email}).
          </Text>
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" title={problem?.problem.title ?? 'Not accepted yet'} role="alert">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <PasswordInput
            label="Choose a password"
            description="At least 12 characters. A few unrelated words make a strong, memorable password."
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <AgeGateFields
            minimumAge={invitation.minimumAge}
            value={{ dateOfBirth: form.values.dateOfBirth, confirmAge: form.values.confirmAge }}
            onChange={(age) => {
              form.setValues(age);
              form.clearFieldError('dateOfBirth');
            }}
            error={form.errors.dateOfBirth as string | undefined}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept the invitation
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
