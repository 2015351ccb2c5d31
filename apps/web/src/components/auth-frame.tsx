import { Container, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The narrow card of the pages reached before signing in (sign-up, emailed links). */
export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Container size={420} my={40}>
      <Title ta="center" order={1}>
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" size="sm" ta="center" mt={5}>
          {subtitle}
        </Text>
      )}
      <Paper withBorder shadow="sm" p="lg" mt="lg">
        {children}
      </Paper>
    </Container>
  );
}
