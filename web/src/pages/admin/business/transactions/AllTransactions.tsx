import { Button, Group, NativeSelect, SimpleGrid, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../../../api/client';
import { Pager } from '../../../../components/Pager';
import { EmptyState, QueryState } from '../../../../components/QueryState';
import { compact, type useUrlState } from '../../../../components/url-state';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { dayStartIso } from '../shared/query-values';
import { StatFigure, StatFigures } from '../shared/StatFigure';
import { txMessages } from './messages';
import { TxTable } from './TxTable';

const TYPES = ['TOPUP', 'SUBSCRIPTION_CHARGE', 'REFUND', 'ADJUSTMENT'] as const;
const STATUSES = ['PENDING', 'SUCCESS', 'FAILED', 'EXPIRED', 'CANCELLED'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEYS = ['userId', 'type', 'status', 'from', 'to'];

const pick = <T extends string>(list: readonly T[], value: string): T | undefined =>
  (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Every user's transactions: user, type, status and dates in the address; totals over all that match. */
export function AllTransactions({ url }: { url: ReturnType<typeof useUrlState> }) {
  const t = useMessages(txMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const userIdParam = url.get('userId');
  const [userId, setUserId] = useState(userIdParam);
  useEffect(() => setUserId(userIdParam), [userIdParam]);
  const from = url.get('from');
  const to = url.get('to');
  const badRange = Boolean(from && to && from > to);
  const view = {
    userId: UUID.test(userIdParam) ? userIdParam : undefined,
    type: pick(TYPES, url.get('type')),
    status: pick(STATUSES, url.get('status')),
    from: badRange ? undefined : dayStartIso(from),
    to: badRange ? undefined : dayStartIso(to, 1),
    page: url.getInt('page', 1),
    pageSize: 20,
  };
  const query = useQuery({
    queryKey: ['admin', 'transactions', 'list', view],
    queryFn: () => call(api.GET('/api/v1/admin/transactions', { params: { query: compact(view) } })),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string) => url.update({ [key]: value }, ['page']);
  const userIdError = userId !== '' && !UUID.test(userId.trim()) ? t.userIdRule : undefined;
  return (
    <section aria-labelledby="tx-all">
      <Title order={2} size="h3" id="tx-all" mt="xl" mb="sm">
        {t.all}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 5 }} mb="md" role="search" aria-label={w.filters}>
        <TextInput
          label={t.userId}
          value={userId}
          maxLength={36}
          spellCheck={false}
          error={userIdError}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setUserId(next);
            if (next.trim() === '' || UUID.test(next.trim())) set('userId', next.trim());
          }}
        />
        <NativeSelect
          label={t.type}
          value={view.type ?? ''}
          onChange={(e) => set('type', e.currentTarget.value)}
          data={[{ value: '', label: t.anyType }, ...TYPES.map((value) => ({ value, label: t[value] }))]}
        />
        <NativeSelect
          label={t.status}
          value={view.status ?? ''}
          onChange={(e) => set('status', e.currentTarget.value)}
          data={[{ value: '', label: t.anyStatus }, ...STATUSES.map((value) => ({ value, label: t[value] }))]}
        />
        <TextInput
          type="date"
          label={t.from}
          value={from}
          max={to || undefined}
          error={badRange ? w.dateOrder : undefined}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t.to}
          value={to}
          min={from || undefined}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      {KEYS.some((k) => url.get(k) !== '') && (
        <Group mb="sm">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => url.update(Object.fromEntries(KEYS.map((k) => [k, null])), ['page'])}
          >
            {w.clearFilters}
          </Button>
        </Group>
      )}
      <QueryState query={query}>
        {(page) => (
          <>
            <StatFigures>
              <StatFigure label={t.count} value={f.number(page.totals.count)} />
              <StatFigure label={t.net} value={f.idr(page.totals.net)} />
              {TYPES.map((type) => (
                <StatFigure
                  key={type}
                  label={t[type]}
                  value={f.idr(page.totals.byType[type].amount)}
                  hint={t.countOf(f.number(page.totals.byType[type].count))}
                />
              ))}
            </StatFigures>
            {page.items.length === 0 ? <EmptyState>{t.noTransactions}</EmptyState> : <TxTable items={page.items} />}
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
  );
}
