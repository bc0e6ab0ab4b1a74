import { Box, Loader, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { catalogKeys } from './api';

const m = defineMessages({
  en: {
    label: 'App name',
    hint: '3 to 40 characters: lowercase letters, digits and "-", starting with a letter. It becomes the first part of the address.',
    checking: 'Checking the name…',
    free: 'Available. Your app will be at',
    freeShort: 'The name is available.',
    invalid: 'This name cannot be used:',
    taken: 'This name is taken:',
    checkFailed: 'The name could not be checked now; Subscribe checks it again.',
  },
  id: {
    label: 'Nama aplikasi',
    hint: '3 sampai 40 karakter: huruf kecil, angka dan "-", diawali huruf. Nama ini menjadi bagian pertama alamatnya.',
    checking: 'Memeriksa nama…',
    free: 'Tersedia. Aplikasi Anda akan berada di',
    freeShort: 'Nama ini tersedia.',
    invalid: 'Nama ini tidak dapat dipakai:',
    taken: 'Nama ini sudah dipakai:',
    checkFailed: 'Nama belum dapat diperiksa sekarang; tombol Berlangganan akan memeriksanya lagi.',
  },
});

/** The longest name the field takes: the API's rule (subscriptionName: at most 40 characters). */
export const NAME_MAX = 40;

export type NameVerdict = {
  name: string;
  available: boolean;
  code?: 'INVALID' | 'TAKEN';
  reason?: string;
  url?: string;
};

/**
 * GET /subscriptions/name-check for the name as typed, once typing pauses (300 ms): the API's own rules
 * and whether a live app already uses the name or its address. `verdict` is for the current text only.
 */
export function useNameCheck(name: string) {
  const [debounced] = useDebouncedValue(name, 300);
  const query = useQuery({
    queryKey: catalogKeys.nameCheck(debounced),
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/subscriptions/name-check', { params: { query: { name: debounced } }, signal })),
    enabled: debounced.length > 0,
    staleTime: 5_000,
    retry: false,
  });
  const current = debounced === name && query.data?.name === name;
  return {
    verdict: current ? (query.data as NameVerdict) : undefined,
    checking: name.length > 0 && (debounced !== name || query.isFetching),
    failed: debounced === name && query.isError,
  };
}

/** The app's name with the check as you type: whether it is valid and free, and the address it gets. */
export function NameField({
  value,
  onChange,
  error,
  check,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  check: ReturnType<typeof useNameCheck>;
}) {
  const t = useMessages(m);
  const { verdict, checking, failed } = check;
  const refused =
    verdict && !verdict.available ? `${verdict.code === 'TAKEN' ? t.taken : t.invalid} ${verdict.reason ?? ''}` : null;
  const shownError = error || (!checking && refused ? `✗ ${refused}` : undefined);
  // Said once to screen readers as it changes (the field's own error and success texts are read with the field).
  const announcement = checking
    ? t.checking
    : verdict?.available
      ? t.freeShort
      : (refused ?? (failed ? t.checkFailed : ''));
  return (
    <Box maw={560}>
      <TextInput
        label={t.label}
        description={t.hint}
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value.toLowerCase())}
        maxLength={NAME_MAX}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={shownError}
        // Mantine's light error red (red.6) is below AA contrast on white: a darker red, and the text stays black.
        withErrorStyles={false}
        styles={{
          error: { color: 'var(--mantine-color-red-9)' },
          input: shownError ? { borderColor: 'var(--mantine-color-red-9)' } : undefined,
        }}
        rightSection={checking ? <Loader size="xs" aria-hidden /> : null}
      />
      {!checking && verdict?.available && (
        <Text size="sm" c="teal.9" mt={4} data-testid="name-available">
          ✓ {t.free}{' '}
          <Text span fw={700} inherit style={{ overflowWrap: 'anywhere' }}>
            {verdict.url}
          </Text>
        </Text>
      )}
      {!checking && failed && (
        <Text size="sm" c="dimmed" mt={4}>
          {t.checkFailed}
        </Text>
      )}
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </Box>
  );
}
