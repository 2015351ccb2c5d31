import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ClientKind, useClientList } from '../../api/use-clients';
import { LoadMoreButton } from '../../components/load-more-button.js';
import { useFormat } from '../../i18n/use-locale';
import {
  clientKindLabel,
  clientKindOptions,
  formatRelative,
  normaliseTag,
  searchable,
  TAG_PATTERN,
} from './crm-labels';
import { NewClientDrawer } from './new-client-drawer';
import { useCrmAccess } from './use-crm-access';

/** The clients of the organization (or of the person's branches): find one, add one. */
export function ClientsPage() {
  const access = useCrmAccess();
  const navigate = useNavigate();
  const { t } = useTranslation();
  useFormat();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 300);
  const [kind, setKind] = useState<ClientKind | null>(null);
  const [tagText, setTagText] = useState('');
  const [typedTag] = useDebouncedValue(tagText, 300);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [sort, setSort] = useState<'-createdAt' | 'createdAt'>('-createdAt');
  const [creating, setCreating] = useState(false);

  const q = searchable(typed);
  const tag = normaliseTag(typedTag);
  const tagValid = !tag || TAG_PATTERN.test(tag);
  const list = useClientList({
    q,
    kind: kind ?? undefined,
    tag: tag && tagValid ? tag : undefined,
    branchId: branchId ?? undefined,
    sort,
  });
  const clients = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || kind || tag || branchId);
  const searchTooShort = Boolean(search.trim()) && !searchable(search);

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('clients.title')}</Title>
          <Text c="dimmed" size="sm">
            {access.scoped ? t('clients.introScoped') : t('clients.intro')}
          </Text>
        </div>
        {access.can('clients:write') && <Button onClick={() => setCreating(true)}>{t('clients.new')}</Button>}
      </Group>

      <Group align="flex-start" role="search" aria-label={t('clients.filter')}>
        <TextInput
          label={t('contacts.search')}
          placeholder={t('clients.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          description={searchTooShort ? t('contacts.searchTooShort') : undefined}
          w={280}
          type="search"
        />
        <Select
          label={t('clients.kind')}
          placeholder={t('clients.anyKind')}
          data={clientKindOptions()}
          value={kind}
          onChange={(value) => setKind(value as ClientKind | null)}
          clearable
          w={160}
        />
        <TextInput
          label={t('contacts.tag')}
          placeholder={t('contacts.anyTag')}
          value={tagText}
          onChange={(event) => setTagText(event.currentTarget.value)}
          error={tagValid ? undefined : t('contacts.tagRule')}
          w={180}
        />
        <Select
          label={t('contacts.branch')}
          placeholder={t('contacts.anyBranch')}
          data={access.writableBranches.map((branch) => ({ value: branch.id, label: branch.name }))}
          value={branchId}
          onChange={setBranchId}
          clearable
          searchable
          w={200}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="clients-order">
            {t('clients.order')}
          </Text>
          <SegmentedControl
            aria-labelledby="clients-order"
            value={sort}
            onChange={(value) => setSort(value as typeof sort)}
            data={[
              { value: '-createdAt', label: t('clients.newestFirst') },
              { value: 'createdAt', label: t('clients.oldestFirst') },
            ]}
          />
        </Stack>
      </Group>

      {list.isError && (
        <Alert color="red" title={t('clients.loadFailed')} role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label={t('clients.loading')} />
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t('clients.table')} striped highlightOnHover aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.name')}</Table.Th>
                <Table.Th>{t('clients.kind')}</Table.Th>
                <Table.Th>{t('contacts.email')}</Table.Th>
                <Table.Th>{t('contacts.phone')}</Table.Th>
                <Table.Th>{t('clients.city')}</Table.Th>
                <Table.Th>{t('contacts.tags')}</Table.Th>
                <Table.Th>{t('contacts.lastActivity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.map((client) => (
                <Table.Tr
                  key={client.id}
                  onClick={(event) => {
                    // The name is a link of its own; a click elsewhere on the row opens the client too.
                    if (!(event.target as HTMLElement).closest('a')) navigate(`/clients/${client.id}`);
                  }}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/clients/${client.id}`} fw={500} size="sm">
                      {client.name}
                    </Anchor>
                    {client.restricted && (
                      <Badge size="xs" color="gray" ml={6}>
                        {t('contacts.restricted')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{clientKindLabel(client.kind)}</Table.Td>
                  <Table.Td>{client.email ?? '—'}</Table.Td>
                  <Table.Td>{client.phone ?? '—'}</Table.Td>
                  <Table.Td>{client.address?.city ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {client.tags.map((name) => (
                        <Badge key={name} size="sm" variant="light">
                          {name}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td title={client.lastActivityAt ?? undefined}>
                    {formatRelative(client.lastActivityAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.isSuccess && clients.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {filtered
            ? t('clients.noMatch')
            : access.can('clients:write')
              ? t('clients.emptyMayWrite')
              : t('clients.empty')}
        </Text>
      )}
      <LoadMoreButton list={list} />
      {access.can('clients:write') && <NewClientDrawer opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
