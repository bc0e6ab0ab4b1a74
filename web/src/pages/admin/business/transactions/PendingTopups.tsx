import { NativeSelect, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../../../api/client';
import { Pager } from '../../../../components/Pager';
import { QueryState } from '../../../../components/QueryState';
import { compact, type useUrlState } from '../../../../components/url-state';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { txMessages } from './messages';
import { TxTable } from './TxTable';

const AGES = [15, 60, 360, 1440];

/** Top-ups waiting for payment, oldest first (`older` minutes and `ppage` in the address). */
export function PendingTopups({ url }: { url: ReturnType<typeof useUrlState> }) {
  const t = useMessages(txMessages);
  const f = useFormat();
  const older = Number(url.get('older'));
  const view = {
    olderThanMinutes: AGES.includes(older) ? older : undefined,
    page: url.getInt('ppage', 1),
    pageSize: 10,
  };
  const query = useQuery({
    queryKey: ['admin', 'transactions', 'pending', view],
    queryFn: () => call(api.GET('/api/v1/admin/transactions/pending-topups', { params: { query: compact(view) } })),
    placeholderData: keepPreviousData,
  });
  const ageLabel = (m: number) => (m < 60 ? t.minutes(m) : t.hours(m / 60));
  return (
    <section aria-labelledby="tx-pending">
      <Title order={2} size="h3" id="tx-pending" mt="xl" mb="sm">
        {t.pending}
      </Title>
      <NativeSelect
        label={t.olderThan}
        maw={260}
        mb="sm"
        value={view.olderThanMinutes ? String(view.olderThanMinutes) : ''}
        onChange={(e) => url.update({ older: e.currentTarget.value }, ['ppage'])}
        data={[{ value: '', label: t.anyAge }, ...AGES.map((m) => ({ value: String(m), label: ageLabel(m) }))]}
      />
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={t.noPending}>
        {(page) => (
          <>
            <Text size="sm" mb="xs" data-testid="pending-totals">
              {t.pendingTotals(f.number(page.totals.count), f.idr(page.totals.amount))}
            </Text>
            <TxTable items={page.items} pending />
            <Pager
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onChange={(next) => url.update({ ppage: next })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
