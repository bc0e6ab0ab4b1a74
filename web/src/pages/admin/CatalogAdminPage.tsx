import { Button, NativeSelect, SimpleGrid, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { SearchInput } from '../../components/SearchInput';
import { compact, useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { CatalogStats } from './business/catalog/CatalogStats';
import { CategoriesSection } from './business/catalog/CategoriesSection';
import { catalogMessages } from './business/catalog/messages';
import { PlansDrawer } from './business/catalog/PlansDrawer';
import { ServiceFormModal } from './business/catalog/ServiceFormModal';
import { ServicesTable } from './business/catalog/ServicesTable';
import { adminWords } from './business/shared/messages';

type Service = Schemas['AdminService'];

/** /admin/catalog: services (search, category, status, page in the address), their plans, categories. */
export default function CatalogAdminPage() {
  const t = useMessages(catalogMessages);
  const w = useMessages(adminWords);
  const url = useUrlState();
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const categories = useQuery({
    queryKey: ['admin', 'catalog', 'categories'],
    queryFn: () => call(api.GET('/api/v1/admin/categories')),
  });
  const status = url.get('status');
  const view = {
    q: url.get('q').slice(0, 100),
    category: url.get('category'),
    status: status === 'active' || status === 'inactive' ? status : undefined,
    page: url.getInt('page', 1),
    pageSize: 20,
  } as const;
  const services = useQuery({
    queryKey: ['admin', 'catalog', 'services', view],
    queryFn: () => call(api.GET('/api/v1/admin/services', { params: { query: compact(view) } })),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string) => url.update({ [key]: value }, ['page']);
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={<Button onClick={() => setEditing('new')}>{t.newService}</Button>}
      />
      <CatalogStats />
      <section aria-labelledby="catalog-services">
        <Title order={2} size="h3" id="catalog-services" mb="sm">
          {t.services}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md" role="search" aria-label={w.filters}>
          <SearchInput
            label={t.searchServices}
            placeholder={t.searchPlaceholder}
            value={url.get('q')}
            onSearch={(q) => set('q', q)}
          />
          <NativeSelect
            label={t.category}
            value={view.category}
            onChange={(e) => set('category', e.currentTarget.value)}
            data={[
              { value: '', label: t.anyCategory },
              ...(categories.data?.items ?? []).map((c) => ({ value: c.slug, label: c.name })),
            ]}
          />
          <NativeSelect
            label={t.status}
            value={status}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[
              { value: '', label: t.anyStatus },
              { value: 'active', label: t.onSale },
              { value: 'inactive', label: t.offSale },
            ]}
          />
        </SimpleGrid>
        <QueryState query={services} isEmpty={(page) => page.items.length === 0} empty={t.noServices}>
          {(page) => (
            <>
              <ServicesTable services={page.items} onEdit={setEditing} />
              <Pager
                page={page.page}
                pageSize={page.pageSize}
                total={page.total}
                onChange={(next) => url.update({ page: next })}
              />
            </>
          )}
        </QueryState>
      </section>
      <CategoriesSection query={categories} />
      {editing && (
        <ServiceFormModal
          key={editing === 'new' ? 'new' : editing.id}
          opened
          service={editing === 'new' ? undefined : editing}
          categories={categories.data?.items ?? []}
          onClose={() => setEditing(null)}
          onCreated={(created) => url.update({ plans: created.id })}
        />
      )}
      <PlansDrawer serviceId={url.get('plans')} onClose={() => url.update({ plans: null })} />
    </>
  );
}
