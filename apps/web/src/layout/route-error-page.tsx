import { Button, Container, Group, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from './page-title';

/** Said by browsers when a page's code (a chunk of an earlier build) is no longer on the server. */
const MISSING_CHUNK = [
  'Failed to fetch dynamically imported module', // Chromium
  'error loading dynamically imported module', // Firefox
  'Importing a module script failed', // Safari
  'Unable to preload CSS', // Vite's preload helper
];

export const isMissingChunk = (error: unknown): boolean =>
  error instanceof Error && MISSING_CHUNK.some((words) => error.message.includes(words));

const RELOADED_AT = 'steward.chunkReloadAt';

/**
 * Reloads the page once to fetch the new build after an upgrade removed the old one's
 * chunks. Returns false when it reloaded moments ago (the chunk is really missing, or the
 * network is down): then the person decides.
 */
export function reloadForNewVersion(): boolean {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 10_000) return false;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
  return true;
}

/** The router's error boundary: a page that says what happened and offers a way on. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const missingChunk = isMissingChunk(error);
  useEffect(() => {
    if (missingChunk) reloadForNewVersion();
  }, [missingChunk]);
  usePageTitle(missingChunk ? t('errors.newVersion') : t('errors.failedTitle'));

  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Message title={t('errors.notFoundTitle')} text={t('errors.notFoundText')} />;
  }
  if (missingChunk) {
    return <Message title={t('errors.updatedTitle')} text={t('errors.updatedText')} />;
  }
  return <Message title={t('errors.failedTitle')} text={t('errors.failedText')} />;
}

function Message({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Container size={560} my={60} ta="center" role="alert">
      <Title order={1}>{title}</Title>
      <Text c="dimmed" mt="sm">
        {text}
      </Text>
      <Group justify="center" mt="lg">
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
        <Button component={Link} to="/" variant="light" reloadDocument>
          {t('common.backToStart')}
        </Button>
      </Group>
    </Container>
  );
}
