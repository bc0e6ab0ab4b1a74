import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/** A search box applied a moment after typing stops (or at once on Enter); follows outside changes (URL, back). */
export function SearchInput({
  label,
  value,
  onSearch,
  maxLength = 100,
  placeholder,
  validate,
}: {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  /** An error message for a value the API would refuse (then nothing is applied), or null. */
  validate?: (value: string) => string | null;
}) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText((current) => (current.trim() === value ? current : value)), [value]);
  const apply = (next: string) => {
    const trimmed = next.trim();
    const problem = trimmed && validate ? validate(trimmed) : null;
    setError(problem);
    if (!problem && trimmed !== value) onSearch(trimmed);
  };
  const debounced = useDebouncedCallback(apply, 300);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      maxLength={maxLength}
      error={error}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          debounced.cancel();
          apply(event.currentTarget.value);
        }
      }}
    />
  );
}
