import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Code,
  Group,
  Image,
  PinInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem, type components, unwrap } from '#api-client';
import { api } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { OneTimeSecret } from '../components/one-time-secret';
import { MfaOffForm, NewRecoveryCodesForm } from './mfa-reauth-form';
import { SecurityEventsCard } from './security-events-card';
import { SessionsCard } from './sessions-card';

type Enrolment = components['schemas']['MfaEnrolmentResponseDto'];

/**
 * Two-step verification: set-up with a QR code, first code, recovery codes shown once (and
 * made anew on request); turning it off.
 */
export function SecurityPage() {
  const { user, refresh } = useAuth();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  /** Each change to two-step verification is a line of the security activity below. */
  const showNewActivity = () => queryClient.invalidateQueries({ queryKey: ['profile', 'security-events'] });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<{ codes: string[]; renewed: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState<'off' | 'recovery-codes' | null>(null);
  if (!user) return null;

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await unwrap(api.POST('/api/v1/auth/mfa/enrolment')));
    } catch (caught) {
      setError(caught instanceof ApiProblem ? caught.message : t('security.startFailed'));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/v1/auth/mfa/enrolment/confirm', { body: { code } }));
      setRecoveryCodes({ codes: result.recoveryCodes, renewed: false });
      setEnrolment(null);
      void showNewActivity();
      await refresh();
    } catch (caught) {
      setError(caught instanceof ApiProblem ? caught.message : t('security.codeFailed'));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={760}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('security.title')}</Title>
        {!user.mfaEnrolmentRequired && (
          <Anchor component={Link} to="/profile" size="sm">
            {t('security.profileLink')}
          </Anchor>
        )}
      </Group>
      {user.mfaEnrolmentRequired && (
        <Alert color="yellow" title={t('security.requiredTitle')} role="alert">
          {t('security.requiredText')}
        </Alert>
      )}
      <Card withBorder>
        <Group justify="space-between">
          <Text fw={600}>{t('security.mfaTitle')}</Text>
          <Badge color={user.mfaEnabled ? 'teal' : 'gray'}>{user.mfaEnabled ? t('common.on') : t('common.off')}</Badge>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {t('security.mfaIntro')}
        </Text>
        {error && (
          <Alert color="red" mt="sm" role="alert">
            {error}
          </Alert>
        )}
        {!user.mfaEnabled && !enrolment && !recoveryCodes && (
          <Button mt="md" onClick={start} loading={busy} w="fit-content">
            {t('security.setUp')}
          </Button>
        )}
        {enrolment && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
            <Image src={enrolment.qrCodeDataUrl} alt={t('security.qrCode')} w={200} h={200} />
            <Stack>
              <Text size="sm">{t('security.scan')}</Text>
              <Code aria-label={t('security.setUpKey')}>{enrolment.secret}</Code>
              <Text size="sm">{t('security.enterFirst')}</Text>
              <PinInput
                length={6}
                type="number"
                oneTimeCode
                aria-label={t('security.firstCode')}
                value={code}
                onChange={setCode}
              />
              <Button onClick={confirm} loading={busy} disabled={code.length !== 6} w="fit-content">
                {t('security.turnOn')}
              </Button>
            </Stack>
          </SimpleGrid>
        )}
        {recoveryCodes && (
          <Box mt="md">
            <OneTimeSecret
              title={recoveryCodes.renewed ? t('security.newCodesTitle') : t('security.codesTitle')}
              label={t('security.codesList')}
              value={recoveryCodes.codes}
              copyLabel={t('security.copyCodes')}
              download={{
                label: t('security.downloadCodes'),
                fileName: 'steward-recovery-codes.txt',
                heading: t('security.codesFileHeading', { email: user.email }),
              }}
            >
              {t('security.codesText')}
            </OneTimeSecret>
          </Box>
        )}
        {user.mfaEnabled && !user.mfaEnrolmentRequired && changing === 'off' && (
          <MfaOffForm
            onDone={async () => {
              setChanging(null);
              setRecoveryCodes(null);
              void showNewActivity();
              await refresh();
            }}
            onCancel={() => setChanging(null)}
          />
        )}
        {user.mfaEnabled && changing === 'recovery-codes' && (
          <NewRecoveryCodesForm
            onDone={(codes) => {
              setChanging(null);
              setRecoveryCodes({ codes, renewed: true });
              void showNewActivity();
            }}
            onCancel={() => setChanging(null)}
          />
        )}
        {user.mfaEnabled && !changing && (
          <Group mt="md">
            <Button variant="default" onClick={() => setChanging('recovery-codes')}>
              {t('security.newCodesButton')}
            </Button>
            {!user.mfaEnrolmentRequired && (
              <Button variant="default" color="red" onClick={() => setChanging('off')}>
                {t('security.turnOffButton')}
              </Button>
            )}
          </Group>
        )}
      </Card>
      {!user.mfaEnrolmentRequired && <SessionsCard />}
      {!user.mfaEnrolmentRequired && <SecurityEventsCard />}
    </Stack>
  );
}
