import { Button, Container, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  const { t } = useTranslation();
  return (
    <Container size={520} my={60} ta="center">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text c="dimmed" mt="sm">
        <Trans i18nKey="errors.notFoundAt" values={{ path: location.pathname }} components={{ code: <code /> }} />
      </Text>
      <Button component={Link} to="/" mt="lg" variant="light">
        {t('common.backToStart')}
      </Button>
    </Container>
  );
}
