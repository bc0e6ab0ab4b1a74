import { Box, Button, Collapse, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import { api, call, type Schemas } from '../../../../api/client';
import { EmptyState, QueryState } from '../../../../components/QueryState';
import { ScrollTable } from '../../../../components/ScrollTable';
import { compact, type useUrlState } from '../../../../components/url-state';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { StatFigure, StatFigures } from '../shared/StatFigure';
import { txMessages } from './messages';

const RevenueChart = lazy(() => import('./RevenueChart'));

type Revenue = Schemas['Revenue'];
const MAX_DAYS = 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
/** A billing day (YYYY-MM-DD) read as that local day, for the date formatter. */
const dayDate = (day: string) => `${day}T00:00:00`;

/** Revenue per day (`rfrom`/`rto` in the address, days in the billing time zone), totals and per service. */
export function RevenueSection({ url }: { url: ReturnType<typeof useUrlState> }) {
  const t = useMessages(txMessages);
  const from = url.get('rfrom');
  const to = url.get('rto');
  const valid =
    (!from || DAY.test(from)) &&
    (!to || DAY.test(to)) &&
    (!from || !to || (from <= to && daysBetween(from, to) < MAX_DAYS));
  const query = useQuery({
    queryKey: ['admin', 'transactions', 'revenue', from, to],
    queryFn: () => call(api.GET('/api/v1/admin/transactions/revenue', { params: { query: compact({ from, to }) } })),
    placeholderData: keepPreviousData,
    enabled: valid,
  });
  return (
    <section aria-labelledby="tx-revenue">
      <Title order={2} size="h3" id="tx-revenue" mb="sm">
        {t.revenue}
      </Title>
      <Group align="flex-start" mb="md" wrap="wrap">
        <TextInput
          type="date"
          label={t.revenueFrom}
          value={from || query.data?.from || ''}
          onChange={(e) => url.update({ rfrom: e.currentTarget.value })}
          error={valid ? undefined : t.rangeRule}
        />
        <TextInput
          type="date"
          label={t.revenueTo}
          value={to || query.data?.to || ''}
          onChange={(e) => url.update({ rto: e.currentTarget.value })}
        />
      </Group>
      {valid && <QueryState query={query}>{(revenue) => <RevenueView revenue={revenue} />}</QueryState>}
    </section>
  );
}

function RevenueView({ revenue }: { revenue: Revenue }) {
  const t = useMessages(txMessages);
  const f = useFormat();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const best = revenue.days.reduce<Revenue['days'][number] | null>(
    (top, d) => (d.revenue > 0 && (!top || d.revenue > top.revenue) ? d : top),
    null,
  );
  const summary = t.chartSummary(
    f.date(dayDate(revenue.from)),
    f.date(dayDate(revenue.to)),
    f.idr(revenue.totals.revenue),
    best ? t.bestDay(f.date(dayDate(best.date)), f.idr(best.revenue)) : t.noRevenue,
  );
  const data = revenue.days.map((d) => ({ day: f.date(dayDate(d.date)), revenue: d.revenue, topups: d.topups }));
  return (
    <>
      <StatFigures>
        <StatFigure label={t.netRevenue} value={f.idr(revenue.totals.revenue)} testId="revenue-total" />
        <StatFigure label={t.charges} value={f.idr(revenue.totals.charges)} />
        <StatFigure label={t.refunds} value={f.idr(revenue.totals.refunds)} />
        <StatFigure label={t.topups} value={f.idr(revenue.totals.topups)} />
        <StatFigure label={t.adjustments} value={f.idr(revenue.totals.adjustments)} />
      </StatFigures>
      <Paper withBorder p="md" component="figure" m={0}>
        {/* The chart is a picture of the numbers: the caption says them and the table below has each day. */}
        <Box aria-hidden>
          <Suspense fallback={<Box h={280} />}>
            <RevenueChart
              data={data}
              labels={{ revenue: t.netRevenue, topups: t.topups }}
              format={(value) => f.idr(value)}
            />
          </Suspense>
        </Box>
        <Text component="figcaption" size="sm" mt="sm">
          {summary} {t.timeZone(revenue.timeZone)}.
        </Text>
        <Button
          variant="default"
          size="xs"
          mt="xs"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t.hideTable : t.showTable}
        </Button>
        <Collapse expanded={showTable} id={tableId} mt="sm">
          <DaysTable revenue={revenue} />
        </Collapse>
      </Paper>
      <ServiceRevenue revenue={revenue} />
    </>
  );
}

function DaysTable({ revenue }: { revenue: Revenue }) {
  const t = useMessages(txMessages);
  const f = useFormat();
  const right = { textAlign: 'right' } as const;
  return (
    <ScrollTable minWidth={760} label={t.daysTable}>
      <Table striped verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.day}</Table.Th>
            <Table.Th style={right}>{t.netRevenue}</Table.Th>
            <Table.Th style={right}>{t.charges}</Table.Th>
            <Table.Th style={right}>{t.refunds}</Table.Th>
            <Table.Th style={right}>{t.topups}</Table.Th>
            <Table.Th style={right}>{t.topupCount}</Table.Th>
            <Table.Th style={right}>{t.adjustments}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {revenue.days.map((d) => (
            <Table.Tr key={d.date}>
              <Table.Th scope="row" fw={400}>
                {f.date(dayDate(d.date))}
              </Table.Th>
              <Table.Td style={right}>{f.idr(d.revenue)}</Table.Td>
              <Table.Td style={right}>{f.idr(d.charges)}</Table.Td>
              <Table.Td style={right}>{f.idr(d.refunds)}</Table.Td>
              <Table.Td style={right}>{f.idr(d.topups)}</Table.Td>
              <Table.Td style={right}>{f.number(d.topupCount)}</Table.Td>
              <Table.Td style={right}>{f.idr(d.adjustments)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Subscription revenue by service, named from the catalog's stats (which list every service). */
function ServiceRevenue({ revenue }: { revenue: Revenue }) {
  const t = useMessages(txMessages);
  const f = useFormat();
  const stats = useQuery({
    queryKey: ['admin', 'catalog', 'stats'],
    queryFn: () => call(api.GET('/api/v1/admin/services/stats')),
  });
  const names = new Map((stats.data?.perService ?? []).map((s) => [s.id, s.name]));
  const right = { textAlign: 'right' } as const;
  return (
    <Box mt="lg">
      <Title order={3} size="h4" mb="xs">
        {t.byService}
      </Title>
      {revenue.services.length === 0 ? (
        <EmptyState>{t.noServiceRevenue}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ScrollTable minWidth={480} label={t.byService}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.service}</Table.Th>
                  <Table.Th style={right}>{t.netRevenue}</Table.Th>
                  <Table.Th style={right}>{t.charges}</Table.Th>
                  <Table.Th style={right}>{t.chargeCount}</Table.Th>
                  <Table.Th style={right}>{t.refunds}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {revenue.services.map((s) => (
                  <Table.Tr key={s.serviceId ?? 'none'}>
                    <Table.Td>{(s.serviceId && names.get(s.serviceId)) || t.unknownService}</Table.Td>
                    <Table.Td style={right}>{f.idr(s.revenue)}</Table.Td>
                    <Table.Td style={right}>{f.idr(s.charges)}</Table.Td>
                    <Table.Td style={right}>{f.number(s.chargeCount)}</Table.Td>
                    <Table.Td style={right}>{f.idr(s.refunds)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      )}
    </Box>
  );
}
