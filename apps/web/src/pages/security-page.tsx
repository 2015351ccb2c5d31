import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  PinInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem, type components, unwrap } from '#api-client';
import { api } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { saveFile } from '../components/save-file';
import { MfaOffForm } from './mfa-off-form';
import { SecurityEventsCard } from './security-events-card';
import { SessionsCard } from './sessions-card';

type Enrolment = components['schemas']['MfaEnrolmentResponseDto'];

/** Two-step verification: set-up with a QR code, first code, recovery codes shown once. */
export function SecurityPage() {
  const { user, refresh } = useAuth();
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [turningOff, setTurningOff] = useState(false);
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
      setRecoveryCodes(result.recoveryCodes);
      setEnrolment(null);
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
          <Alert color="teal" mt="md" title={t('security.codesTitle')} role="status">
            <Text size="sm">{t('security.codesText')}</Text>
            <List size="sm" mt="xs" ff="monospace" aria-label={t('security.codesList')}>
              {recoveryCodes.map((recovery) => (
                <List.Item key={recovery}>{recovery}</List.Item>
              ))}
            </List>
            <Group mt="sm" gap="xs">
              <CopyButton value={recoveryCodes.join('\n')}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('security.copied') : t('security.copyCodes')}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  saveFile(
                    new Blob(
                      [`${t('security.codesFileHeading', { email: user.email })}\n\n${recoveryCodes.join('\n')}\n`],
                      {
                        type: 'text/plain',
                      },
                    ),
                    'steward-recovery-codes.txt',
                  )
                }
              >
                {t('security.downloadCodes')}
              </Button>
            </Group>
          </Alert>
        )}
        {user.mfaEnabled &&
          !user.mfaEnrolmentRequired &&
          (turningOff ? (
            <MfaOffForm
              onDone={async () => {
                setTurningOff(false);
                setRecoveryCodes(null);
                await refresh();
              }}
              onCancel={() => setTurningOff(false)}
            />
          ) : (
            <Button mt="md" variant="default" color="red" onClick={() => setTurningOff(true)} w="fit-content">
              {t('security.turnOffButton')}
            </Button>
          ))}
      </Card>
      {!user.mfaEnrolmentRequired && <SessionsCard />}
      {!user.mfaEnrolmentRequired && <SecurityEventsCard />}
    </Stack>
  );
}
