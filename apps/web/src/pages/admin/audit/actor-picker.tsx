import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUser, useUserList } from '../../../api/use-users';

/**
 * Picks the person whose actions to show, searching the API (names are encrypted, so the
 * browser cannot search beyond what was fetched). Former colleagues are listed too: what
 * they did stays in the trail. An API key set from an entry shows as such.
 */
export function ActorPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const selected = useUser(value);
  // Typing the chosen person's name again should not search for it.
  const q = typed.trim() && typed.trim() !== selected.data?.fullName ? typed.trim() : '';
  const list = useUserList({ q, role: null, state: null, branchId: null });
  const options = (list.data?.pages.flatMap((page) => page.items) ?? []).map((person) => ({
    value: person.id,
    label: person.fullName,
  }));
  if (value && !options.some((option) => option.value === value)) {
    const label = selected.data?.fullName ?? (selected.isError ? 'An API key or former user' : 'Loading…');
    options.unshift({ value, label });
  }
  return (
    <Select
      label="Actor"
      placeholder="Anyone"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      // The API did the filtering.
      filter={({ options: all }) => all}
      value={value}
      onChange={onChange}
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'No one found'}
      w={220}
    />
  );
}
