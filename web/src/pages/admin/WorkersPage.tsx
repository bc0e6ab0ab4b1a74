import { Button, Group, Select, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useApiMutation } from '../../components/mutations';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { SearchInput } from '../../components/SearchInput';
import { useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { keys, type WorkerListQuery, workersQuery } from './cluster/queries';
import { WorkerStatsPanel } from './cluster/WorkerStatsPanel';
import { WorkersTable } from './cluster/WorkersTable';
import { WORKER_STATUSES, workerMessages } from './cluster/worker-messages';

const PAGE_SIZE = 20;
const SORTS = ['name', '-name', 'status', '-createdAt', 'createdAt', '-podCount', 'podCount'] as const;
type Sort = (typeof SORTS)[number];

/** /admin/workers: the cluster's nodes from the workers table, with filters, sort and pages in the URL. */
export default function WorkersPage() {
  const t = useMessages(workerMessages);
  const url = useUrlState();
  const search = { status: url.get('status'), online: url.get('online'), q: url.get('q'), sort: url.get('sort') };
  const status = (WORKER_STATUSES as readonly string[]).includes(search.status)
    ? (search.status as WorkerListQuery['status'])
    : undefined;
  const sort: Sort = (SORTS as readonly string[]).includes(search.sort) ? (search.sort as Sort) : 'name';
  const query: WorkerListQuery = {
    status,
    online: search.online === 'true' || search.online === 'false' ? search.online : undefined,
    q: search.q || undefined,
    sort,
    page: url.getInt('page', 1),
    pageSize: PAGE_SIZE,
  };
  const workers = useQuery(workersQuery(query));
  const sync = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/workers/sync')),
    invalidates: [keys.workers, keys.pods],
    success: (r) => t.synced(r.workers, r.pods, r.gone.length),
  });
  const sortLabels: Record<Sort, string> = {
    name: t.sortName,
    '-name': t.sortNameDesc,
    status: t.sortStatus,
    '-createdAt': t.sortCreated,
    createdAt: t.sortCreatedAsc,
    '-podCount': t.sortPods,
    podCount: t.sortPodsAsc,
  };
  const filtered = Boolean(status || query.online !== undefined || query.q);

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Button onClick={() => sync.mutate()} loading={sync.isPending}>
            {t.sync}
          </Button>
        }
      />
      <WorkerStatsPanel />
      <Title order={2} size="h4" mb="sm">
        {t.listTitle}
      </Title>
      <Group align="flex-end" wrap="wrap" gap="sm" mb="md">
        <SearchInput
          label={t.searchWorkers}
          placeholder={t.searchHint}
          value={search.q}
          onSearch={(q) => url.update({ q }, ['page'])}
        />
        <Select
          label={t.status}
          data={[{ value: '', label: t.allPresent }, ...WORKER_STATUSES.map((s) => ({ value: s, label: t[s] }))]}
          value={status ?? ''}
          onChange={(value) => url.update({ status: value }, ['page'])}
          allowDeselect={false}
          w={190}
        />
        <Select
          label={t.agent}
          data={[
            { value: '', label: t.anyAgent },
            { value: 'true', label: t.online },
            { value: 'false', label: t.offline },
          ]}
          value={query.online ?? ''}
          onChange={(value) => url.update({ online: value }, ['page'])}
          allowDeselect={false}
          w={140}
        />
        <Select
          label={t.sort}
          data={SORTS.map((s) => ({ value: s, label: sortLabels[s] }))}
          value={sort}
          onChange={(value) => url.update({ sort: value === 'name' ? null : value }, ['page'])}
          allowDeselect={false}
          w={170}
        />
      </Group>
      <QueryState query={workers} isEmpty={(d) => d.items.length === 0} empty={filtered ? t.none : t.noWorkers}>
        {(page) => (
          <>
            <WorkersTable workers={page.items} />
            <Pager
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onChange={(p) => url.update({ page: p === 1 ? null : p })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
