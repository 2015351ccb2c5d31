import { Badge, Tooltip } from '@mantine/core';
import { useReadiness } from '../api/use-health';

export function ApiStatus() {
  const readiness = useReadiness();
  if (readiness.isPending)
    return (
      <Badge color="gray" variant="light">
        Checking service…
      </Badge>
    );
  if (readiness.isError) {
    return (
      <Tooltip label={readiness.error.message}>
        <Badge color="red" variant="light">
          Service unavailable
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge color="teal" variant="light" role="status">
      Service online
    </Badge>
  );
}
