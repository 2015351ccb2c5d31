import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldErrorsOf, problemOf } from '../../../api/problems';
import { useSubscription, useSubscriptionActions } from '../../../api/use-subscription';
import { usePermissions } from '../../../auth/use-permissions';
import { daysInWords, formatDay, SUBSCRIPTION_STATE_LABELS } from './subscription-labels';

/** The organization's subscription: state, end date, the countdown to the purge; terminate and restore (owners). */
export function SubscriptionPage() {
  const subscription = useSubscription();
  const { can } = usePermissions();
  const { terminate, restore } = useSubscriptionActions();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const data = subscription.data;
  const state = data ? (SUBSCRIPTION_STATE_LABELS[data.state] ?? { label: data.state, color: 'gray' }) : null;
  const mayAct = can('subscription:terminate');
  const purging = data?.purgeAt != null;

  const close = () => {
    setConfirming(false);
    setTyped('');
    terminate.reset();
  };

  return (
    <Stack maw={900}>
      <Title order={1}>Subscription</Title>
      <Text c="dimmed" size="sm">
        Your organization’s data is kept while its subscription runs. When the subscription ends or the contract is
        terminated, everything is kept {data ? daysInWords(data.retentionDays) : 'for a while'} more so you can export
        it, then deleted for good.
      </Text>
      {subscription.isError && (
        <Alert color="red" title="The subscription could not be loaded">
          {problemOf(subscription.error)?.message ?? 'Try again in a moment.'}
        </Alert>
      )}
      {data && state && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                State
              </Text>
              <Badge size="lg" color={state.color} variant="light" mt={4} aria-label={`State: ${state.label}`}>
                {state.label}
              </Badge>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {purging ? 'Ended on' : 'Current period ends on'}
              </Text>
              <Text fw={600}>{formatDay(purging ? data.endedAt : data.endsAt)}</Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {purging ? 'Data deleted in' : 'Days left'}
              </Text>
              {purging ? (
                <Text fw={700} c="red" aria-label="Days until the data is deleted">
                  {daysInWords(data.daysUntilPurge ?? 0)}
                </Text>
              ) : (
                <Text fw={600}>{data.daysLeft === null ? '—' : daysInWords(data.daysLeft)}</Text>
              )}
            </Card>
          </SimpleGrid>
          {purging && (
            <Alert
              color="red"
              title={`All data of ${data.organizationName} will be deleted on ${formatDay(data.purgeAt)}`}
            >
              Clients, contacts, jobs, invoices, people and the audit trail go for good on that day. Until then everyone
              can still sign in and export what they need.
              {data.state === 'ended' && ' To keep the organization, renew its subscription with your provider.'}
            </Alert>
          )}
          {mayAct && (
            <Group>
              {data.canTerminate && (
                <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                  Terminate the contract
                </Button>
              )}
              {data.canRestore && (
                <Button
                  loading={restore.isPending}
                  onClick={() =>
                    restore.mutate(undefined, {
                      onSuccess: () =>
                        notifications.show({ color: 'teal', message: 'Restored: the data will not be deleted.' }),
                      onError: (error) =>
                        notifications.show({ color: 'red', message: problemOf(error)?.message ?? 'Restore failed.' }),
                    })
                  }
                >
                  Restore the organization
                </Button>
              )}
            </Group>
          )}
          <Modal
            opened={confirming}
            onClose={close}
            title="Terminate the contract?"
            centered
            closeButtonProps={{ 'aria-label': 'Close' }}
          >
            <Stack>
              <Text size="sm">
                The subscription ends now. All data of {data.organizationName} is kept {daysInWords(data.retentionDays)}{' '}
                more, until{' '}
                <strong>{formatDay(new Date(Date.now() + data.retentionDays * 86_400_000).toISOString())}</strong>, then
                deleted for good. Owners and admins are emailed the date. Until then an owner can restore the
                organization here.
              </Text>
              <Text size="sm">
                To confirm, type the organization’s name: <strong>{data.organizationName}</strong>
              </Text>
              <TextInput
                label="Organization name"
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                error={fieldErrorsOf(terminate.error).confirmName}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button
                  color="red"
                  loading={terminate.isPending}
                  disabled={typed.trim() === ''}
                  onClick={() => terminate.mutate(typed, { onSuccess: close })}
                >
                  Terminate
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Stack>
  );
}
