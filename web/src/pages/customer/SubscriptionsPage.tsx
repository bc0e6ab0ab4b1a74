import { Anchor, Button, Group, Select } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, QueryState } from '../../components/QueryState';
import { useMessages } from '../../i18n/i18n';
import { liveKeys, useStatusRefetchInterval } from '../../live/live-status';
import { appsMessages } from './apps/messages';
import { SubscriptionsTable } from './apps/SubscriptionsTable';

const STATUSES = ['ACTIVE', 'SUSPENDED', 'CANCELLED', 'TERMINATED', 'FAILED'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 20;

/** /subscriptions: the user's apps, a page at a time, filtered by status; statuses update live. */
export default function SubscriptionsPage() {
  const t = useMessages(appsMessages);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const rawStatus = params.get('status');
  const status = STATUSES.includes(rawStatus as Status) ? (rawStatus as Status) : undefined;
  const query = { page, pageSize: PAGE_SIZE, status };
  const list = useQuery({
    queryKey: liveKeys.subscriptionList(query),
    queryFn: () => call(api.GET('/api/v1/subscriptions', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: useStatusRefetchInterval(),
  });

  const setQuery = (next: { page?: number; status?: string | null }) => {
    const p = new URLSearchParams(params);
    const nextStatus = next.status === undefined ? status : next.status;
    if (nextStatus) p.set('status', nextStatus);
    else p.delete('status');
    const nextPage = next.page ?? 1;
    if (nextPage > 1) p.set('page', String(nextPage));
    else p.delete('page');
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t.myApps}
        description={t.myAppsIntro}
        actions={
          <Button component={Link} to="/services" variant="default">
            {t.browse}
          </Button>
        }
      />
      <Group mb="md" wrap="wrap">
        <Select
          label={t.statusFilter}
          w={220}
          data={[{ value: '', label: t.anyStatus }, ...STATUSES.map((s) => ({ value: s, label: s }))]}
          value={status ?? ''}
          onChange={(value) => setQuery({ status: value || null })}
          allowDeselect={false}
        />
      </Group>
      <QueryState
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={
          status ? (
            t.emptyFiltered
          ) : (
            <>
              {t.empty}{' '}
              <Anchor component={Link} to="/services">
                {t.emptyLink}
              </Anchor>
            </>
          )
        }
      >
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t.emptyFiltered}</EmptyState>
          ) : (
            <>
              <SubscriptionsTable items={data.items} />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onChange={(next) => setQuery({ page: next })}
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}
