import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useClientList } from '../../api/use-clients';
import { searchable } from './crm-labels';

/**
 * Picks a client by searching the API (names are encrypted, so the list cannot be
 * filtered in the browser beyond what was fetched).
 */
export function ClientPicker({
  value,
  onChange,
  label,
  description,
  error,
  disabled,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  description?: string;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const selected = useClient(value);
  const q = searchable(typed);
  // Typing the selected client's name again should not search for it.
  const searching = q && q !== selected.data?.name ? q : undefined;
  const list = useClientList({ q: searching }, { pageSize: 20, enabled: !disabled });
  const options = (list.data?.pages.flatMap((page) => page.items) ?? []).map((client) => ({
    value: client.id,
    label: client.name,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: selected.data?.name ?? t('recordForm.loading') });
  }
  return (
    <Select
      label={label ?? t('recordForm.client')}
      description={description}
      placeholder={t('recordForm.searchClients')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      // The API did the filtering.
      filter={({ options: all }) => all}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      nothingFoundMessage={list.isFetching ? t('recordForm.searching') : t('recordForm.noClient')}
    />
  );
}
