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
      setError(caught instanceof ApiProblem ? caught.message : 'Could not start the set-up');
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
      setError(caught instanceof ApiProblem ? caught.message : 'The code did not work');
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={760}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Security</Title>
        {!user.mfaEnrolmentRequired && (
          <Anchor component={Link} to="/profile" size="sm">
            Your profile, email and password
          </Anchor>
        )}
      </Group>
      {user.mfaEnrolmentRequired && (
        <Alert color="yellow" title="Two-step verification is required" role="alert">
          Your organization requires two-step verification. Set it up to continue using Steward CRM.
        </Alert>
      )}
      <Card withBorder>
        <Group justify="space-between">
          <Text fw={600}>Two-step verification</Text>
          <Badge color={user.mfaEnabled ? 'teal' : 'gray'}>{user.mfaEnabled ? 'On' : 'Off'}</Badge>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          A code from an authenticator app on your phone, asked for after your password.
        </Text>
        {error && (
          <Alert color="red" mt="sm" role="alert">
            {error}
          </Alert>
        )}
        {!user.mfaEnabled && !enrolment && !recoveryCodes && (
          <Button mt="md" onClick={start} loading={busy} w="fit-content">
            Set up two-step verification
          </Button>
        )}
        {enrolment && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
            <Image src={enrolment.qrCodeDataUrl} alt="QR code for your authenticator app" w={200} h={200} />
            <Stack>
              <Text size="sm">Scan the code with your authenticator app, or type this key:</Text>
              <Code aria-label="Set-up key">{enrolment.secret}</Code>
              <Text size="sm">Then enter the 6-digit code it shows:</Text>
              <PinInput length={6} type="number" oneTimeCode aria-label="First code" value={code} onChange={setCode} />
              <Button onClick={confirm} loading={busy} disabled={code.length !== 6} w="fit-content">
                Turn on
              </Button>
            </Stack>
          </SimpleGrid>
        )}
        {recoveryCodes && (
          <Box mt="md">
            <OneTimeSecret
              title={
                recoveryCodes.renewed
                  ? 'New recovery codes. Save them now: the old ones no longer work'
                  : 'Two-step verification is on. Save your recovery codes'
              }
              label="Recovery codes"
              value={recoveryCodes.codes}
              copyLabel="Copy codes"
              download={{
                label: 'Download codes',
                fileName: 'steward-recovery-codes.txt',
                heading: `Steward CRM recovery codes for ${user.email}`,
              }}
            >
              Each works once if you lose your phone. They are shown only now.
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
              Make new recovery codes
            </Button>
            {!user.mfaEnrolmentRequired && (
              <Button variant="default" color="red" onClick={() => setChanging('off')}>
                Turn off two-step verification
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
