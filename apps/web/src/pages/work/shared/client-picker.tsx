import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientSummary, useClientSearch, useClientSummary } from '../../../api/use-client-lookup';

/**
 * Picks a client by typing part of a name, email or company: the API searches (names are
 * encrypted at rest, so the SPA never holds the whole list).
 */
export function ClientPicker({
  value,
  onChange,
  label,
  placeholder,
  error,
  required,
  disabled,
  clearable,
  description,
  w,
}: {
  value: string | null;
  onChange: (clientId: string | null, client: ClientSummary | null) => void;
  label?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  clearable?: boolean;
  description?: string;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const selected = useClientSummary(value);
  const [opened, setOpened] = useState(false);
  // While the dropdown is closed the search box shows the chosen name: no need to search for it.
  const results = useClientSearch(q, opened && !disabled);
  const found = results.data?.items ?? [];
  const byId = new Map(found.map((client) => [client.id, client]));
  if (selected.data) byId.set(selected.data.id, selected.data);
  const data = [...byId.values()].map((client) => ({
    value: client.id,
    label: client.name,
  }));
  return (
    <Select
      label={label ?? t('workClientPicker.label')}
      placeholder={placeholder ?? t('workClientPicker.placeholder')}
      description={description}
      searchable
      clearable={clearable}
      required={required}
      disabled={disabled}
      w={w}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      // The API already matched words and word beginnings; keep its answer as it is.
      filter={({ options }) => options}
      onChange={(id) => onChange(id, id ? (byId.get(id) ?? null) : null)}
      nothingFoundMessage={
        results.isFetching
          ? t('workClientPicker.searching')
          : q.trim()
            ? t('workClientPicker.noMatch')
            : t('workClientPicker.none')
      }
      rightSection={results.isFetching && opened ? <Loader size="xs" /> : undefined}
      error={error}
    />
  );
}
