import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/** A search box whose text reaches the address (and so the query) a moment after typing stops. */
export function SearchField({
  label,
  value,
  onSearch,
  maxLength = 100,
  placeholder,
}: {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  // The address changed from elsewhere (back, a link, clear filters): show it, but keep a trailing space being typed.
  useEffect(() => setText((prev) => (prev.trim() === value ? prev : value)), [value]);
  const send = useDebouncedCallback((next: string) => onSearch(next.trim()), 300);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      maxLength={maxLength}
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSearch(text.trim());
      }}
    />
  );
}
