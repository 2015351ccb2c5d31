import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { type AuditFilters, useAuditActions } from '../../../api/use-audit';
import { OUTCOME_LABELS } from '../../../labels';
import { ActorPicker } from './actor-picker';
import { actionOptions, type FilterName, fromLocalInput, toLocalInput } from './audit-filters';

/** Typed text reaches the URL (and the API) once the person pauses. */
function TextFilter({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed elsewhere (a link, "Clear filters", going back): show what it holds.
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  const push = useDebouncedCallback((next: string) => onChange(next.trim()), 400);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        push(event.currentTarget.value);
      }}
      w={200}
    />
  );
}

/** Every filter of the trail; each change goes to the URL, so the view can be shared. */
export function AuditFilterBar({
  filters,
  onChange,
  onClear,
}: {
  filters: AuditFilters;
  onChange: (name: FilterName, value: string | null) => void;
  onClear: () => void;
}) {
  const actions = useAuditActions();
  const filtered = Object.keys(filters).length > 0;
  return (
    <Group align="flex-end" role="search" aria-label="Filter the audit trail">
      <TextInput
        label="From"
        type="datetime-local"
        value={toLocalInput(filters.from)}
        onChange={(event) => onChange('from', fromLocalInput(event.currentTarget.value))}
        w={210}
      />
      <TextInput
        label="To"
        type="datetime-local"
        value={toLocalInput(filters.to)}
        onChange={(event) => onChange('to', fromLocalInput(event.currentTarget.value))}
        w={210}
      />
      <ActorPicker value={filters.actorId ?? null} onChange={(id) => onChange('actorId', id)} />
      <Select
        label="Action"
        placeholder="Any action"
        data={actionOptions(actions.data?.items ?? [])}
        value={filters.action ?? null}
        onChange={(value) => onChange('action', value)}
        clearable
        searchable
        maxDropdownHeight={360}
        w={280}
      />
      <TextFilter
        label="Target type"
        placeholder="e.g. contact, user"
        value={filters.targetType ?? ''}
        onChange={(value) => onChange('targetType', value)}
      />
      <TextFilter
        label="Target id"
        placeholder="Any target"
        value={filters.targetId ?? ''}
        onChange={(value) => onChange('targetId', value)}
      />
      <Select
        label="Outcome"
        placeholder="Any outcome"
        data={Object.entries(OUTCOME_LABELS).map(([value, { label }]) => ({ value, label }))}
        value={filters.outcome ?? null}
        onChange={(value) => onChange('outcome', value)}
        clearable
        w={150}
      />
      {filtered && (
        <Button variant="subtle" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
