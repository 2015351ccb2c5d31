import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf, formProblemOf } from '../api/problems';
import { type Profile, useProfile, useUpdateProfile } from '../api/use-profile';
import { useAuth } from '../auth/auth-context';
import { COMPLETE_LANGUAGES, LANGUAGE_NAMES, LANGUAGES } from '../i18n/preferences';
import { roleLabel } from '../labels';
import { ChangeEmailCard, ChangePasswordCard } from './profile-credentials';

/** Your own account: details and preferences, email address, password. */
export function ProfilePage() {
  const profile = useProfile();
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('profile.title')}</Title>
        <Anchor component={Link} to="/security" size="sm">
          {t('profile.securityLink')}
        </Anchor>
      </Group>
      {profile.isError && (
        <Text c="red" role="alert">
          {profile.error.message}
        </Text>
      )}
      {profile.data ? (
        <>
          <DetailsCard profile={profile.data} key={profile.data.id} />
          <ChangeEmailCard profile={profile.data} />
          <ChangePasswordCard />
        </>
      ) : (
        !profile.isError && (
          <Center h={160}>
            <Loader aria-label={t('profile.loading')} />
          </Center>
        )
      )}
    </Stack>
  );
}

const formOf = (profile: Profile) => ({
  fullName: profile.fullName,
  phone: profile.phone ?? '',
  jobTitle: profile.jobTitle ?? '',
  company: profile.company ?? '',
  language: profile.preferences.language ?? null,
  theme: profile.preferences.theme ?? null,
  timeZone: profile.preferences.timeZone ?? null,
});

type DetailsForm = ReturnType<typeof formOf>;

function DetailsCard({ profile }: { profile: Profile }) {
  const update = useUpdateProfile();
  const { t } = useTranslation();
  const { reloadUser } = useAuth();
  // Each language in its own words, saying whether its catalogue is complete.
  const languages = LANGUAGES.map((value) => ({
    value,
    label: COMPLETE_LANGUAGES.includes(value)
      ? LANGUAGE_NAMES[value]
      : t('languagePicker.partial', { name: LANGUAGE_NAMES[value] }),
  }));
  const themes = [
    { value: 'light', label: t('profile.themeLight') },
    { value: 'dark', label: t('profile.themeDark') },
    { value: 'auto', label: t('profile.themeAuto') },
  ];
  const [form, setForm] = useState(() => formOf(profile));
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return form.timeZone && !zones.includes(form.timeZone) ? [form.timeZone, ...zones] : zones;
  }, [form.timeZone]);

  const fieldErrors = fieldErrorsOf(update.error);
  const problem = formProblemOf(update.error);

  function change<Field extends keyof DetailsForm>(field: Field, value: DetailsForm[Field]) {
    update.reset();
    setForm((current) => ({ ...current, [field]: value }));
  }

  const text = (field: 'fullName' | 'phone' | 'jobTitle' | 'company') => ({
    value: form[field],
    onChange: (event: { currentTarget: { value: string } }) => change(field, event.currentTarget.value),
    error: fieldErrors[field],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const preferences = Object.fromEntries(
      (['language', 'theme', 'timeZone'] as const).flatMap((key) => (form[key] ? [[key, form[key]]] : [])),
    );
    update.mutate(
      {
        fullName: form.fullName.trim(),
        // An emptied field clears it.
        phone: form.phone.trim() || null,
        jobTitle: form.jobTitle.trim() || null,
        company: form.company.trim() || null,
        preferences,
      },
      // The header shows the name from the session: read it again.
      { onSuccess: () => void reloadUser() },
    );
  }

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="profile-details-title">
      <Group justify="space-between">
        <Text fw={600} id="profile-details-title">
          {t('profile.details')}
        </Text>
        <Badge variant="light">{roleLabel(profile.role)}</Badge>
      </Group>
      <Stack mt="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('common.fullName')} autoComplete="name" required {...text('fullName')} />
          <TextInput
            label={t('common.phone')}
            type="tel"
            autoComplete="tel"
            placeholder="+44 113 496 0000"
            {...text('phone')}
          />
          <TextInput label={t('profile.jobTitle')} autoComplete="organization-title" {...text('jobTitle')} />
          <TextInput label={t('profile.company')} autoComplete="organization" {...text('company')} />
        </SimpleGrid>
        <Text fw={600} size="sm" mt="xs">
          {t('profile.preferences')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('common.language')}
            placeholder={t('common.notChosen')}
            data={languages}
            value={form.language}
            onChange={(value) => change('language', value)}
            error={fieldErrors['preferences.language']}
            allowDeselect={false}
          />
          <Select
            label={t('profile.theme')}
            placeholder={t('common.notChosen')}
            data={themes}
            value={form.theme}
            onChange={(value) => change('theme', value)}
            error={fieldErrors['preferences.theme']}
            allowDeselect={false}
          />
          <Select
            label={t('profile.timeZone')}
            placeholder={t('profile.timeZoneSearch')}
            data={timeZones}
            searchable
            limit={50}
            nothingFoundMessage={t('profile.noTimeZone')}
            value={form.timeZone}
            onChange={(value) => change('timeZone', value)}
            error={fieldErrors['preferences.timeZone']}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('profile.languagesNote')}
        </Text>
        {problem && (
          <Text c="red" size="sm" role="alert">
            {problem.message}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('profile.save')}
          </Button>
          {update.isSuccess && (
            <Text c="teal" size="sm" role="status">
              {t('profile.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
