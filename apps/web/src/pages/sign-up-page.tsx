import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      <AuthFrame title={t('signUp.title')}>
        <Alert color="orange" title={t('signUp.belowAge')} role="alert">
          {refusal}
        </Alert>
        <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="block">
          {t('signUp.backToSignIn')}
        </Anchor>
      </AuthFrame>
    );
  }

  if (sentTo) {
    return (
      <AuthFrame title={t('signUp.checkInbox')}>
        <Stack>
          <Alert color="teal" title={t('signUp.confirmTitle')} role="status">
            {t('signUp.confirmText', { email: sentTo })}
          </Alert>
          <Text size="sm">{t('signUp.noEmail')}</Text>
          <ResendVerificationForm defaultEmail={sentTo} />
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('signUp.goToSignIn')}
          </Anchor>
        </Stack>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('signUp.title')} subtitle={t('signUp.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <TextInput label={t('signUp.organizationName')} required {...field('organizationName')} />
          <TextInput label={t('common.fullName')} autoComplete="name" required {...field('fullName')} />
          <TextInput label={t('common.email')} type="email" autoComplete="email" required {...field('email')} />
          <PasswordInput
            label={t('common.password')}
            description={t('signUp.passwordHint')}
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
            {t('signUp.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Trans i18nKey="signUp.haveAccount" components={{ anchor: <Anchor component={Link} to="/sign-in" /> }} />
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
