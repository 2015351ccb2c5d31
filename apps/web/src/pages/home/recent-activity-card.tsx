import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useClientNames } from '../../api/use-client-lookup';
import { useRecentCommunications } from '../../api/use-dashboard';
import { communicationKindLabel, directionLabel, formatRelative } from '../crm/crm-labels';

/** The latest calls, emails, meetings and notes logged across the caller's clients. */
export function RecentActivityCard() {
  const recent = useRecentCommunications(true);
  const items = recent.data?.items ?? [];
  const clients = useClientNames(items.map((entry) => entry.clientId));
  return (
    <Card withBorder component="section" aria-labelledby="recent-activity">
      <Title order={2} size="h4" id="recent-activity" mb="sm">
        Recent activity
      </Title>
      {recent.isPending ? (
        <Loader size="sm" aria-label="Loading recent activity" />
      ) : recent.isError ? (
        <Text c="red" size="sm">
          Recent activity could not be loaded: {recent.error.message}
        </Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No calls, emails or notes logged yet.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Recent activity">
          {items.map((entry) => {
            const client = entry.clientId ? clients.get(entry.clientId) : undefined;
            const what = `${communicationKindLabel(entry.kind)} (${directionLabel(entry.direction).toLowerCase()})`;
            return (
              <li key={entry.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={500} truncate>
                      {entry.subject ?? what}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {what}
                      {entry.authorName ? ` by ${entry.authorName}` : ''}
                      {client && entry.clientId && (
                        <>
                          {' · '}
                          <Anchor component={Link} to={`/clients/${entry.clientId}`} inherit underline="always">
                            {client}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  </div>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={entry.occurredAt}>
                    {formatRelative(entry.occurredAt)}
                  </Text>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
