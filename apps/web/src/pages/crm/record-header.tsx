import { Alert, Anchor, Breadcrumbs, Button, Center, Container, Loader, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../api/problems';

/** Loading, not found and failed states of a record page; the page itself once the record is there. */
export function RecordLoader<Record>({
  query,
  what,
  backTo,
  backLabel,
  children,
}: {
  query: UseQueryResult<Record, Error>;
  what: string;
  backTo: string;
  backLabel: string;
  children: (record: Record) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  // `what` names the record in words; a kind the catalogue knows is said in the reader's language.
  const thing = i18n.exists(`record.what.${what}`) ? t(`record.what.${what}` as 'record.what.contact') : what;
  if (query.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('record.loading', { what: thing })} />
      </Center>
    );
  }
  if (query.isError) {
    const status = problemOf(query.error)?.problem.status;
    // The API answers 404 for ids of other branches and organizations too (and 400 for a malformed one).
    if (status === 404 || status === 400) {
      return (
        <Container size={520} my={60} ta="center">
          <Title order={1}>{t('record.noSuch', { what: thing })}</Title>
          <Text c="dimmed" mt="sm">
            {t('record.noSuchText')}
          </Text>
          <Button component={Link} to={backTo} mt="lg" variant="light">
            {backLabel}
          </Button>
        </Container>
      );
    }
    return (
      <Alert color="red" title={t('record.loadFailed', { what: thing })} role="alert">
        {query.error.message}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}

export function RecordBreadcrumbs({ to, label, current }: { to: string; label: string; current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs aria-label={t('record.breadcrumb')}>
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Text size="sm" aria-current="page">
        {current}
      </Text>
    </Breadcrumbs>
  );
}
