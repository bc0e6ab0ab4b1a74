import { Box, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SearchInput } from '../../components/SearchInput';
import { useUrlState } from '../../components/url-state';
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
  const url = useUrlState();
  const q = url.get('q') || undefined;
  const category = url.get('category') || undefined;

  // The category choices come from the whole catalog (the same answer as an unfiltered list).
  const all = useServices({});
  const categories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of all.data?.services ?? []) if (s.category) seen.set(s.category.slug, s.category.name);
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [all.data]);
  const filtered = useServices({ q, category });
  const filtering = Boolean(q || category);

  return (
    <Stack gap="md">
      <PageHeader title={t.title} description={t.description} />
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Box w={{ base: '100%', sm: 320 }}>
          <SearchInput
            label={t.search}
            placeholder={t.searchHint}
            value={q ?? ''}
            maxLength={SEARCH_MAX}
            onSearch={(value) => url.update({ q: value || null })}
          />
        </Box>
        {categories.length > 0 && (
          <Select
            label={t.category}
            data={[{ value: ALL, label: t.allCategories }, ...categories]}
            value={category ?? ALL}
            onChange={(value) => url.update({ category: value && value !== ALL ? value : null })}
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
              <Button variant="light" size="xs" onClick={() => url.update({ q: null, category: null })}>
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
