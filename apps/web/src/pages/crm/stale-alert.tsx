import { Alert, Button, Stack, Text } from '@mantine/core';

/** The API refused an edit with 409: someone saved this record after it was loaded. */
export function StaleAlert({ what, reloading, onReload }: { what: string; reloading: boolean; onReload: () => void }) {
  return (
    <Alert color="yellow" title={`Someone changed this ${what} meanwhile`} role="alert">
      <Stack gap="xs">
        <Text size="sm">
          Reload to see what they saved, then make your change again. What you typed here is replaced.
        </Text>
        <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={onReload}>
          Reload
        </Button>
      </Stack>
    </Alert>
  );
}
