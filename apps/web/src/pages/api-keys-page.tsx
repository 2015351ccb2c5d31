import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, unwrap } from '#api-client';
import { api } from '../api/client';

/** The scopes people can grant, with words for them. */
const SCOPES: Record<string, string> = {
  'organization:read': 'Read organization settings',
  'organization:update': 'Change organization settings',
  'branches:read': 'Read branches',
  'branches:write': 'Create, rename and delete branches',
};

const when = (value: string | null) => (value ? new Date(value).toLocaleString() : '—');

export function ApiKeysPage() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['branches:read']);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/api/v1/api-keys')) });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/api-keys', { body: { name, scopes } })),
    onSuccess: (created) => {
      setSecret(created.secret);
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (caught) => setError(caught instanceof ApiProblem ? caught.message : 'Could not create the key'),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSecret(null);
    create.mutate();
  }

  return (
    <Stack maw={900}>
      <Title order={1}>API keys</Title>
      <Text c="dimmed" size="sm">
        Integrations call the API with a key in the <Code>X-API-Key</Code> header. A key can do only what its scopes
        allow, and you can revoke it at any time.
      </Text>
      <Card withBorder component="form" onSubmit={submit}>
        <Text fw={600}>New key</Text>
        <Stack mt="sm">
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Name"
            placeholder="Accounting sync"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Checkbox.Group label="Scopes" value={scopes} onChange={setScopes}>
            <Stack gap={6} mt={6}>
              {Object.entries(SCOPES).map(([scope, label]) => (
                <Checkbox key={scope} value={scope} label={`${label} (${scope})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button type="submit" loading={create.isPending} disabled={!name || scopes.length === 0} w="fit-content">
            Create key
          </Button>
        </Stack>
      </Card>
      {secret && (
        <Alert color="teal" title="Copy your key now: it is shown only once" role="status">
          <Group>
            <Code aria-label="New API key">{secret}</Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Table aria-label="API keys" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.data?.items.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td>{key.name}</Table.Td>
              <Table.Td>
                <Code>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {key.scopes.map((scope) => (
                    <Badge key={scope} size="xs" variant="light">
                      {scope}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{when(key.lastUsedAt)}</Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <Badge color="gray">Revoked</Badge>
                ) : (
                  <Button size="xs" color="red" variant="light" onClick={() => revoke.mutate(key.id)}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {keys.data?.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No keys yet.
        </Text>
      )}
    </Stack>
  );
}
