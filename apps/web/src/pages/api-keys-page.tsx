import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type components, unwrap } from '#api-client';
import { api } from '../api/client';
import { formProblemOf } from '../api/problems';
import { usePermissions } from '../auth/use-permissions';
import { ConfirmModal } from '../components/confirm-modal';
import { OneTimeSecret } from '../components/one-time-secret';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { formatDateTime } from '../i18n/format';
import { SCOPE_GROUPS, scopeLabel } from './api-key-scopes';
import { addDays, fromIsoDate, isoDate, startOfDay } from './work/dates';

type ApiKey = components['schemas']['ApiKeyResponseDto'];

const when = (value: string | null) => (value ? formatDateTime(value) : '—');
const FIELDS: FieldMap = { name: { label: 'Name' }, scopes: { label: 'Scopes' }, expiresAt: { label: 'Expires on' } };

/** The end of a day of the reader's calendar (their profile's zone), as the instant the key stops working. */
const endOfDay = (day: string): string => addDays(fromIsoDate(day), 1).toISOString();

export function ApiKeysPage() {
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: { name: '', scopes: [] as string[], expiresOn: '' },
    validate: {
      name: (name) => (name.trim() ? null : 'Name the key after what uses it, such as “Accounting sync”.'),
      scopes: (scopes) => (scopes.length ? null : 'Choose at least one thing the key may do.'),
      expiresOn: (day) =>
        !day || day > isoDate(new Date()) ? null : 'An expiry date is a day after today, or none at all.',
    },
  });
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/api/v1/api-keys')) });
  const create = useMutation({
    mutationFn: (body: components['schemas']['ApiKeyCreateDto']) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: (created) => {
      setSecret(created.secret);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (error) => {
      setElsewhere(applyFieldErrors(form, error, FIELDS));
      focusFirstError();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setRevoking(null);
      return queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });

  const submit = form.onSubmit((values) => {
    setSecret(null);
    setElsewhere([]);
    create.mutate({
      name: values.name.trim(),
      scopes: values.scopes,
      ...(values.expiresOn ? { expiresAt: endOfDay(values.expiresOn) } : {}),
    });
  }, focusFirstError);

  // A key holds at most what its maker may do; keys never administer keys or people.
  const groups = SCOPE_GROUPS.map(({ group, scopes }) => ({
    group,
    scopes: scopes.filter(([scope]) => can(scope)),
  })).filter((entry) => entry.scopes.length > 0);
  const problem = formProblemOf(create.error);
  const tomorrow = isoDate(addDays(startOfDay(new Date()), 1));

  return (
    <Stack maw={900}>
      <Title order={1}>API keys</Title>
      <Text c="dimmed" size="sm">
        Integrations call the API with a key in the <Code>X-API-Key</Code> header. A key can do only what its scopes
        allow, and you can revoke it at any time.
      </Text>
      <Card withBorder component="form" ref={ref} onSubmit={submit} noValidate aria-labelledby="new-key-title">
        <Text fw={600} id="new-key-title">
          New key
        </Text>
        <Stack mt="sm">
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" role="alert" title="The key was not created">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" placeholder="Accounting sync" required {...form.getInputProps('name')} />
            <TextInput
              label="Expires on"
              description="Optional: the key stops working at the end of that day."
              type="date"
              min={tomorrow}
              {...form.getInputProps('expiresOn')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Scopes"
            description="Everything your role may grant a key. Give it only what the integration needs."
            required
            {...form.getInputProps('scopes')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="md">
              {groups.map(({ group, scopes }) => (
                <Stack key={group} gap={6} role="group" aria-label={group}>
                  <Text size="sm" fw={600}>
                    {group}
                  </Text>
                  {scopes.map(([scope, label]) => (
                    <Checkbox key={scope} value={scope} label={`${label} (${scope})`} />
                  ))}
                </Stack>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Button type="submit" loading={create.isPending} w="fit-content">
            Create key
          </Button>
        </Stack>
      </Card>
      {secret && <OneTimeSecret title="Copy your key now: it is shown only once" label="New API key" value={secret} />}
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="API keys" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data?.items.map((key) => {
              const expired = key.expiresAt !== null && new Date(key.expiresAt) <= new Date();
              return (
                <Table.Tr key={key.id}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {key.scopes.map((scope) => (
                        <Badge key={scope} size="xs" variant="light" title={scopeLabel(scope)}>
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{key.expiresAt ? when(key.expiresAt) : 'Never'}</Table.Td>
                  <Table.Td>{when(key.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    {key.revokedAt ? (
                      <Badge color="gray">Revoked</Badge>
                    ) : expired ? (
                      <Badge color="gray">Expired</Badge>
                    ) : (
                      <Button size="xs" color="red" variant="light" onClick={() => setRevoking(key)}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {keys.data?.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No keys yet.
        </Text>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={`Revoke ${revoking?.name ?? 'this key'}?`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => setRevoking(null)}
      >
        Integrations using it stop working at once, and it cannot be turned back on: they would need a new key.
      </ConfirmModal>
    </Stack>
  );
}
