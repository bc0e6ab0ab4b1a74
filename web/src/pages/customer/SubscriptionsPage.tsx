import { Anchor, Button, Group, Select } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, QueryState } from '../../components/QueryState';
import { useUrlState } from '../../components/url-state';
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
  const url = useUrlState();
  const page = url.getInt('page', 1);
  const rawStatus = url.get('status');
  const status = STATUSES.includes(rawStatus as Status) ? (rawStatus as Status) : undefined;
  const query = { page, pageSize: PAGE_SIZE, status };
  const list = useQuery({
    queryKey: liveKeys.subscriptionList(query),
    queryFn: () => call(api.GET('/api/v1/subscriptions', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: useStatusRefetchInterval(),
  });

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
          onChange={(value) => url.update({ status: value || null }, ['page'])}
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
                onChange={(next) => url.update({ page: next > 1 ? next : null })}
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}
