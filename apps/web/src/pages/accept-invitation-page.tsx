import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf, formProblemOf, problemOf } from '../api/problems';
import { useAcceptInvitation, useInvitationPreview } from '../api/use-account-links';
import { useAuth } from '../auth/auth-context';
import { AgeGateFields, ageAnswer, emptyAgeGate } from '../components/age-gate-fields';
import { AuthFrame } from '../components/auth-frame';
import { roleLabel } from '../labels';

/** Opened from the invitation email: shows what it is for, then the age gate and a password. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [age, setAge] = useState(emptyAgeGate);
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

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate(
      { token, password, ...ageAnswer(age) },
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
          if (refused?.problem.code !== 'under-minimum-age') return;
          setPassword('');
          setAge(emptyAgeGate);
          setRefusal(refused.message);
        },
      },
    );
  }

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

  const fieldErrors = fieldErrorsOf(accept.error);
  const problem = formProblemOf(accept.error);
  return (
    <AuthFrame
      title={`Join ${invitation.organizationName} as ${roleLabel(invitation.role)}`}
      subtitle="Choose a password to accept the invitation."
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            You were invited as <strong>{invitation.fullName}</strong> ({invitation.email}).
          </Text>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <PasswordInput
            label="Choose a password"
            description="At least 12 characters. A few unrelated words make a strong, memorable password."
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldErrors.password}
          />
          <AgeGateFields
            minimumAge={invitation.minimumAge}
            value={age}
            onChange={setAge}
            error={fieldErrors.dateOfBirth ?? fieldErrors.confirmAge}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept the invitation
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
