import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

/** Self sign-up: a new organization with you as its owner, confirmed by an emailed link. */
export function SignUpPage() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const signUp = useSignUp();
  const fields: FieldMap = {
    organizationName: { label: t('signUp.organizationName') },
    fullName: { label: t('common.fullName') },
    email: { label: t('common.email') },
    password: { label: t('common.password') },
    dateOfBirth: { label: t('ageGate.dateOfBirth') },
    confirmAge: { label: t('ageGate.legend'), path: 'dateOfBirth' },
  };
  const form = useForm({
    initialValues: emptyForm,
    validate: {
      organizationName: (name) => (name.trim() ? null : t('signUp.organizationNameMissing')),
      fullName: (name) => (name.trim() ? null : t('signUp.fullNameMissing')),
      email: (value) => isEmail(t('signIn.emailInvalid'))(value),
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
          setElsewhere(applyFieldErrors(form, error, fields));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

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
      <form ref={ref} onSubmit={submit} noValidate aria-label={t('signUp.title')}>
        <Stack>
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" title={problem?.problem.title ?? t('signUp.notCreated')} role="alert">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <TextInput label={t('signUp.organizationName')} required {...form.getInputProps('organizationName')} />
          <TextInput label={t('common.fullName')} autoComplete="name" required {...form.getInputProps('fullName')} />
          <TextInput
            label={t('common.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('common.password')}
            description={t('signUp.passwordHint')}
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
