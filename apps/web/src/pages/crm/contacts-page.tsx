import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  CloseButton,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemOf } from '../../api/problems';
import { useClient, useClientNames } from '../../api/use-clients';
import { useContactLists, useRemoveContactListMember } from '../../api/use-contact-lists';
import { type ContactFilters, fetchContactsCsv, useContactList } from '../../api/use-contacts';
import { LoadMoreButton } from '../../components/load-more-button.js';
import { saveFile } from '../../components/save-file';
import { useFormat } from '../../i18n/use-locale';
import { AddToListModal } from './add-to-list-modal';
import { formatRelative, normaliseTag, searchable, TAG_PATTERN } from './crm-labels';
import { ImportContactsModal } from './import-contacts-modal';
import { NewContactModal } from './new-contact-modal';
import { useCrmAccess } from './use-crm-access';

/**
 * The people the organization deals with: find them, add them, import and export them as
 * CSV, and put them on contact lists. `?listId=` shows a list's members, `?clientId=` a
 * client's people.
 */
export function ContactsPage() {
  const access = useCrmAccess();
  const { t } = useTranslation();
  const { formatDateTime, formatNumber } = useFormat();
  const [params, setParams] = useSearchParams();
  const listId = params.get('listId');
  const clientId = params.get('clientId');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 300);
  const [tagText, setTagText] = useState('');
  const [typedTag] = useDebouncedValue(tagText, 300);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);

  const lists = useContactLists();
  const client = useClient(clientId);
  const removeMember = useRemoveContactListMember();
  const q = searchable(typed);
  const tag = normaliseTag(typedTag);
  const tagValid = !tag || TAG_PATTERN.test(tag);
  const filters: ContactFilters = {
    q,
    tag: tag && tagValid ? tag : undefined,
    branchId: branchId ?? undefined,
    listId: listId ?? undefined,
    clientId: clientId ?? undefined,
  };
  const list = useContactList(filters);
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const clientNames = useClientNames(contacts.map((contact) => contact.clientId));
  const currentList = lists.data?.items.find((item) => item.id === listId);
  const removable = currentList?.kind === 'static' && access.mayChangeList(currentList);
  const mayWrite = access.can('clients:write');
  const filtered = Boolean(q || tag || branchId || listId || clientId);
  const searchTooShort = Boolean(search.trim()) && !searchable(search);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  const allShownSelected = contacts.length > 0 && contacts.every((contact) => selected.has(contact.id));
  const someShownSelected = contacts.some((contact) => selected.has(contact.id));

  async function exportCsv() {
    setExporting(true);
    try {
      const { blob, fileName } = await fetchContactsCsv(filters);
      saveFile(blob, fileName);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('contacts.exportFailed'),
        message: problemOf(error)?.message ?? String(error),
      });
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('contacts.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('contacts.intro')}{' '}
            <Anchor component={Link} to="/contact-lists" size="sm" underline="always">
              {t('contacts.lists')}
            </Anchor>
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" loading={exporting} onClick={() => void exportCsv()}>
            {t('contacts.exportCsv')}
          </Button>
          {mayWrite && (
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('contacts.importCsv')}
            </Button>
          )}
          {mayWrite && <Button onClick={() => setCreating(true)}>{t('contacts.new')}</Button>}
        </Group>
      </Group>

      <Group align="flex-start" role="search" aria-label={t('contacts.filter')}>
        <TextInput
          label={t('contacts.search')}
          placeholder={t('contacts.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          description={searchTooShort ? t('contacts.searchTooShort') : undefined}
          w={280}
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
        <Select
          label={t('contacts.contactList')}
          placeholder={t('contacts.everyone')}
          data={(lists.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={listId}
          onChange={(value) => {
            setSelected(new Set());
            setParam('listId', value);
          }}
          clearable
          searchable
          w={220}
        />
      </Group>

      {(currentList || clientId) && (
        <Paper withBorder p="xs" px="sm">
          <Group justify="space-between">
            <Text size="sm">
              {currentList &&
                (currentList.kind === 'static'
                  ? t('contacts.listMembers', {
                      name: currentList.name,
                      count: currentList.memberCount ?? 0,
                      members: formatNumber(currentList.memberCount ?? 0),
                    })
                  : t('contacts.savedFilter', { name: currentList.name }))}
              {clientId && (
                <>
                  {currentList ? ' ' : ''}
                  <Trans
                    i18nKey="contacts.atClient"
                    values={{ name: client.data?.name ?? '…' }}
                    components={{
                      anchor: <Anchor component={Link} to={`/clients/${clientId}`} size="sm" underline="always" />,
                    }}
                  />
                </>
              )}
            </Text>
            {clientId && (
              <CloseButton aria-label={t('contacts.everyClient')} onClick={() => setParam('clientId', null)} />
            )}
          </Group>
        </Paper>
      )}

      {mayWrite && selected.size > 0 && (
        <Paper withBorder p="xs" px="sm" bg="var(--mantine-color-blue-light)">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('contacts.selected', { count: selected.size })}
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => setAdding(true)}>
                {t('contacts.addToList')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>
                {t('contacts.clearSelection')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      {list.isError && (
        <Alert color="red" title={t('contacts.loadFailed')} role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label={t('contacts.loading')} />
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('contacts.table')} striped highlightOnHover aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                {mayWrite && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('contacts.selectAll')}
                      checked={allShownSelected}
                      indeterminate={someShownSelected && !allShownSelected}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        for (const contact of contacts) toggle(contact.id, on);
                      }}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('contacts.name')}</Table.Th>
                <Table.Th>{t('contacts.client')}</Table.Th>
                <Table.Th>{t('contacts.email')}</Table.Th>
                <Table.Th>{t('contacts.phone')}</Table.Th>
                <Table.Th>{t('contacts.tags')}</Table.Th>
                <Table.Th>{t('contacts.lastActivity')}</Table.Th>
                {removable && <Table.Th>{t('contacts.list')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((contact) => (
                <Table.Tr
                  key={contact.id}
                  bg={selected.has(contact.id) ? 'var(--mantine-color-blue-light)' : undefined}
                >
                  {mayWrite && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('contacts.select', { name: contact.fullName })}
                        checked={selected.has(contact.id)}
                        onChange={(event) => toggle(contact.id, event.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${contact.id}`} fw={500} size="sm">
                      {contact.fullName}
                    </Anchor>
                    {contact.restricted && (
                      <Badge size="xs" color="gray" ml={6}>
                        {t('contacts.restricted')}
                      </Badge>
                    )}
                    {contact.jobTitle && (
                      <Text size="xs" c="dimmed">
                        {contact.jobTitle}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.clientId ? (
                      <Anchor component={Link} to={`/clients/${contact.clientId}`} size="sm">
                        {clientNames.get(contact.clientId) ?? '…'}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{contact.email ?? '—'}</Table.Td>
                  <Table.Td>{contact.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {contact.tags.map((name) => (
                        <Badge key={name} size="sm" variant="light">
                          {name}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td title={contact.lastActivityAt ? formatDateTime(contact.lastActivityAt) : undefined}>
                    {formatRelative(contact.lastActivityAt)}
                  </Table.Td>
                  {removable && currentList && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('contacts.removeFrom', { name: contact.fullName, list: currentList.name })}
                        loading={removeMember.isPending && removeMember.variables?.contactId === contact.id}
                        onClick={() =>
                          removeMember.mutate(
                            { id: currentList.id, contactId: contact.id },
                            {
                              onSuccess: () =>
                                notifications.show({
                                  color: 'teal',
                                  message: t('contacts.removed', { name: contact.fullName, list: currentList.name }),
                                }),
                            },
                          )
                        }
                      >
                        {t('contacts.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.isSuccess && contacts.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {currentList?.kind === 'static' && !q && !tag && !branchId
            ? t('contacts.emptyList')
            : filtered
              ? t('contacts.noMatch')
              : mayWrite
                ? t('contacts.emptyMayWrite')
                : t('contacts.empty')}
        </Text>
      )}
      <LoadMoreButton list={list} />

      {mayWrite && <NewContactModal opened={creating} onClose={() => setCreating(false)} />}
      {mayWrite && <ImportContactsModal opened={importing} onClose={() => setImporting(false)} />}
      {adding && (
        <AddToListModal
          contactIds={[...selected]}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}
