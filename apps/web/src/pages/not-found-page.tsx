import { Button, Container, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <Container size={520} my={60} ta="center">
      <Title order={1}>Page not found</Title>
      <Text c="dimmed" mt="sm">
        Nothing lives at <code>{location.pathname}</code>. It may have moved, or the link may be mistyped.
      </Text>
      <Button component={Link} to="/" mt="lg" variant="light">
        Back to the start
      </Button>
    </Container>
  );
}
