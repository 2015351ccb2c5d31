import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../../api/client';
import {
  type DataExport,
  useDownloadMyDataExport,
  useMyDataExports,
  useStartMyDataExport,
} from '../../api/use-data-exports';
import { saveFile } from '../../components/save-file';
import { useCookieConsent } from '../../consent/use-cookie-consent';
import { formatDateTime } from '../../i18n/format';
import { DATA_EXPORT_STATUS_LABELS } from '../../labels';

const when = (value: string) => formatDateTime(value);
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 104_858 ? 2 : 1)} MB`;

/** Your privacy center: a copy of all your data, your cookie choice, and your requests. */
export function PrivacyCenterPage() {
  return (
    <Stack maw={760}>
      <div>
        <Title order={1}>Privacy center</Title>
        <Text c="dimmed" size="sm">
          See and take away the personal data we hold about you, and the choices you have made.
        </Text>
      </div>
      <DataExportCard />
      <CookieChoiceCard />
      <Card withBorder>
        <Text fw={600}>Your requests</Text>
        <Text size="sm" mt={4}>
          Ask us to correct, erase or restrict your data, or object to its use.{' '}
          <Anchor component={Link} to="/privacy-center/requests">
            Your privacy requests
          </Anchor>
        </Text>
      </Card>
    </Stack>
  );
}

function DataExportCard() {
  const exports = useMyDataExports();
  const start = useStartMyDataExport();
  const download = useDownloadMyDataExport();
  const latest: DataExport | undefined = exports.data?.items[0];
  const busy = latest?.status === 'queued' || latest?.status === 'building';
  const status = latest && DATA_EXPORT_STATUS_LABELS[latest.status];
  const percent = latest?.progress.total ? Math.round((latest.progress.done / latest.progress.total) * 100) : 0;

  return (
    <Card withBorder aria-labelledby="data-export-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600} id="data-export-title">
            Download my data
          </Text>
          <Text size="sm" c="dimmed">
            A ZIP with every kind of personal data we hold about you: JSON files, spreadsheets (CSV) and a manifest that
            explains each field. It is prepared in the background; the download is deleted when it expires.
          </Text>
        </div>
        <Button loading={start.isPending} disabled={busy} onClick={() => start.mutate()}>
          {latest ? 'Prepare a new copy' : 'Prepare my data'}
        </Button>
      </Group>
      {latest && status && (
        <Stack gap="xs" mt="md">
          <Group gap="xs">
            <Badge color={status.color} aria-label="Export status">
              {status.label}
            </Badge>
            <Text size="sm" c="dimmed">
              Requested {when(latest.requestedAt)}
            </Text>
          </Group>
          {busy && (
            <>
              <Progress value={percent} animated aria-label="Export progress" />
              <Text size="sm" aria-live="polite">
                {latest.progress.total
                  ? `${latest.progress.done} of ${latest.progress.total} kinds of data gathered`
                  : 'Waiting to start…'}
              </Text>
            </>
          )}
          {latest.status === 'ready' && (
            <Group justify="space-between">
              <Text size="sm">
                {latest.sizeBytes !== null && `${megabytes(latest.sizeBytes)} · `}
                {latest.expiresAt && `available until ${when(latest.expiresAt)}`}
              </Text>
              <Button
                variant="light"
                loading={download.isPending}
                onClick={() =>
                  download.mutate(latest.id, { onSuccess: ({ blob, fileName }) => saveFile(blob, fileName) })
                }
              >
                Download ZIP
              </Button>
            </Group>
          )}
          {latest.status === 'failed' && (
            <Text size="sm" c="red">
              Preparing your data failed. Please try again; if it fails again, contact your privacy officer.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function CookieChoiceCard() {
  const { openPreferences } = useCookieConsent();
  const mine = useQuery({
    queryKey: ['me', 'cookie-consent'],
    queryFn: () => unwrap(api.GET('/api/v1/me/cookie-consent')),
  });
  const choice = mine.data?.choice;
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>My consents</Text>
          <Text size="sm" c="dimmed">
            {choice
              ? `Cookies you allowed: ${choice.categories.join(', ')} (chosen ${when(choice.recordedAt)}).`
              : 'You have not made a cookie choice while signed in.'}
          </Text>
        </div>
        <Button variant="default" onClick={openPreferences}>
          Cookie settings
        </Button>
      </Group>
    </Card>
  );
}
