import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useOrgSearch } from './api';

/** Choose a body by typing part of its name or code; the value is the Kemendagri/body code. */
export function OrgPicker(props: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  hostsOnly?: boolean;
  required?: boolean;
  error?: string;
  initialLabel?: string;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useOrgSearch(q);
  const options = (list.data?.data ?? [])
    .filter((o) => !props.hostsOnly || o.isHost)
    .map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      label={props.label}
      required={props.required}
      searchable
      clearable
      disabled={props.disabled}
      data={options}
      value={props.value}
      onChange={props.onChange}
      searchValue={search}
      onSearchChange={setSearch}
      error={props.error}
      nothingFoundMessage="—"
      filter={({ options: o }) => o}
    />
  );
}
