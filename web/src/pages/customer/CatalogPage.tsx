import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { defineMessages, useMessages } from '../../i18n/i18n';
import { useServices } from './catalog/api';
import { ServiceCard } from './catalog/ServiceCard';

const m = defineMessages({
  en: {
    title: 'Apps',
    description: 'Pick an app and a plan: Kapal runs it for you at its own address, billed monthly from your balance.',
    search: 'Search apps',
    searchHint: 'Name or description',
    category: 'Category',
    allCategories: 'All categories',
    noMatch: 'No app matches your search.',
    noApps: 'No apps are on sale yet.',
    clear: 'Clear the search',
    count: (n: number) => (n === 1 ? '1 app' : `${n} apps`),
  },
  id: {
    title: 'Aplikasi',
    description:
      'Pilih aplikasi dan paketnya: Kapal menjalankannya untuk Anda di alamatnya sendiri, ditagih bulanan dari saldo Anda.',
    search: 'Cari aplikasi',
    searchHint: 'Nama atau deskripsi',
    category: 'Kategori',
    allCategories: 'Semua kategori',
    noMatch: 'Tidak ada aplikasi yang cocok dengan pencarian Anda.',
    noApps: 'Belum ada aplikasi yang dijual.',
    clear: 'Hapus pencarian',
    count: (n: number) => `${n} aplikasi`,
  },
});

/** The API's bound on `q` (GET /services). */
const SEARCH_MAX = 100;
const ALL = 'all';

/** /services (public): the apps on sale, searched and filtered by the API (`q`, `category`), kept in the URL. */
export default function CatalogPage() {
  const t = useMessages(m);
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const category = params.get('category') || undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text, 300);

  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced.trim()) next.set('q', debounced.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  // The category choices come from the whole catalog (the same answer as an unfiltered list).
  const all = useServices({});
  const categories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of all.data?.services ?? []) if (s.category) seen.set(s.category.slug, s.category.name);
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [all.data]);
  const filtered = useServices({ q, category });
  const filtering = Boolean(q || category);

  const setCategory = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value && value !== ALL) next.set('category', value);
      else next.delete('category');
      return next;
    });

  return (
    <Stack gap="md">
      <PageHeader title={t.title} description={t.description} />
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          type="search"
          label={t.search}
          placeholder={t.searchHint}
          value={text}
          maxLength={SEARCH_MAX}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        {categories.length > 0 && (
          <Select
            label={t.category}
            data={[{ value: ALL, label: t.allCategories }, ...categories]}
            value={category ?? ALL}
            onChange={setCategory}
            allowDeselect={false}
            w={{ base: '100%', sm: 240 }}
          />
        )}
      </Group>
      <QueryState
        query={filtered}
        isEmpty={(data) => data.services.length === 0}
        empty={
          filtering ? (
            <Stack align="center" gap="xs" component="span">
              <span>{t.noMatch}</span>
              <Button
                variant="light"
                size="xs"
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t.clear}
              </Button>
            </Stack>
          ) : (
            t.noApps
          )
        }
      >
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t.count(data.services.length)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {data.services.map((service) => (
                <ServiceCard key={service.id} service={service} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
