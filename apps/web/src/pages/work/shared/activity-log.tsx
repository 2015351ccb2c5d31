import { Alert, Card, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import type { components } from '#api-client';
import { formatDateTime } from '../dates';
import { fieldLabel } from '../work-labels';

type Activity = components['schemas']['ActivityResponseDto'];

const ACTIONS: Record<string, string> = { created: 'Created', updated: 'Changed', deleted: 'Deleted' };

function describe(entry: Activity): string {
  const who = entry.actorName ?? (entry.actorKind === 'api_key' ? 'An integration' : 'Someone');
  const what = ACTIONS[entry.action] ?? entry.action;
  const fields = entry.fields.length ? `: ${entry.fields.map(fieldLabel).join(', ')}` : '';
  return `${what} by ${who}${fields}`;
}

/** Who did what to a record, newest first; field names only, never their values. */
export function ActivityLog({
  query,
}: {
  query: { data?: { items: Activity[] }; isPending: boolean; isError: boolean; error: Error | null };
}) {
  return (
    <Card withBorder component="section" aria-labelledby="activity-heading">
      <Title order={2} size="h4" id="activity-heading" mb="sm">
        Activity
      </Title>
      {query.isPending ? (
        <Loader size="sm" aria-label="Loading activity" />
      ) : query.isError ? (
        <Alert color="red" role="alert" title="Could not load the activity">
          {query.error?.message}
        </Alert>
      ) : query.data?.items.length ? (
        <Timeline bulletSize={12} lineWidth={2} aria-label="Activity">
          {[...query.data.items]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((entry) => (
              <Timeline.Item key={entry.id}>
                <Text size="sm">{describe(entry)}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at)}
                </Text>
              </Timeline.Item>
            ))}
        </Timeline>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            Nothing recorded yet.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
