import { Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { PodDrawer } from './cluster/PodDrawer';
import { POD_SORTS, PodFilters, type PodSort } from './cluster/PodFilters';
import { PodStatsPanel } from './cluster/PodStatsPanel';
import { PodsTable } from './cluster/PodsTable';
import { POD_STATUSES, podMessages } from './cluster/pod-messages';
import { type PodListQuery, podsQuery } from './cluster/queries';

const PAGE_SIZE = 20;
const KEYS = ['q', 'status', 'service', 'user', 'worker', 'sort', 'page', 'pod'] as const;

/**
 * /admin/pods: every tenant's pods, with the API's filters, sort and pages in the URL (`?pod=<id>` opens a
 * pod's drawer), the counts on top.
 */
export default function PodsAdminPage() {
  const t = useMessages(podMessages);
  const url = useUrlState();
  const search = Object.fromEntries(KEYS.map((k) => [k, url.get(k)])) as Record<(typeof KEYS)[number], string>;
  const sort: PodSort = (POD_SORTS as readonly string[]).includes(search.sort)
    ? (search.sort as PodSort)
    : '-createdAt';
  const query: PodListQuery = {
    q: search.q || undefined,
    status: (POD_STATUSES as readonly string[]).includes(search.status)
      ? (search.status as PodListQuery['status'])
      : undefined,
    service: search.service || undefined,
    user: search.user || undefined,
    worker: search.worker || undefined,
    sort,
    page: url.getInt('page', 1),
    pageSize: PAGE_SIZE,
  };
  const pods = useQuery(podsQuery(query));
  const filtered = Boolean(query.q || query.status || query.service || query.user || query.worker);
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <PodStatsPanel />
      <Title order={2} size="h4" mb="sm">
        {t.list}
      </Title>
      <PodFilters
        values={{ ...search, status: query.status ?? '', sort }}
        onChange={(patch) => url.update(patch, ['page'])}
      />
      <QueryState query={pods} isEmpty={(d) => d.items.length === 0} empty={filtered ? t.none : t.noPods}>
        {(page) => (
          <>
            <PodsTable pods={page.items} onOpen={(pod) => url.update({ pod })} />
            <Pager
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onChange={(p) => url.update({ page: p === 1 ? null : p })}
            />
          </>
        )}
      </QueryState>
      <PodDrawer
        id={search.pod || null}
        name={pods.data?.items.find((p) => p.id === search.pod)?.subscription.name}
        onClose={() => url.update({ pod: null })}
      />
    </>
  );
}
