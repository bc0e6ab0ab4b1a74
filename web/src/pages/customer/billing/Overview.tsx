import { Alert, Anchor, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { TOPUP_MAX, TOPUP_MIN } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { common } from '../../../i18n/common';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { useBalance, useOverview } from './queries';

const m = defineMessages({
  en: {
    balance: 'Balance',
    updated: (when: string) => `Updated ${when}`,
    never: 'No credit yet',
    runway: 'Runway',
    days: (count: number, n: string) => (count === 1 ? '1 day' : `${n} days`),
    until: (date: string) => `until about ${date}, at your apps' current cost`,
    noBurn: 'Nothing renews automatically, so your balance is not being used up.',
    burn: (monthly: string, daily: string) => `${monthly} per 30 days (${daily} a day)`,
    thisMonth: 'This month',
    spent: (amount: string) => `${amount} spent`,
    lastMonth: (amount: string) => `Last month: ${amount} spent`,
    topups: (count: number, amount: string) =>
      count === 0
        ? 'No top-ups yet'
        : count === 1
          ? `1 top-up received, ${amount}`
          : `${count} top-ups received, ${amount}`,
    pending: (count: number, amount: string) =>
      count === 1 ? `1 top-up waiting for payment (${amount})` : `${count} top-ups waiting for payment (${amount})`,
    renewals: 'Renewals in the next 30 days',
    noRenewals: 'No app renews in the next 30 days.',
    app: 'App',
    renewsAt: 'Renews',
    total: 'Total',
    shortfallTitle: 'Not enough credit for these renewals',
    shortfall: (amount: string) =>
      `Your balance is ${amount} short of them. An app whose renewal cannot be charged is suspended.`,
    fillShortfall: (amount: string) => `Fill in ${amount}`,
  },
  id: {
    balance: 'Saldo',
    updated: (when: string) => `Diperbarui ${when}`,
    never: 'Belum ada saldo',
    runway: 'Perkiraan saldo cukup',
    days: (_count: number, n: string) => `${n} hari`,
    until: (date: string) => `hingga sekitar ${date}, dengan biaya aplikasi Anda saat ini`,
    noBurn: 'Tidak ada yang diperpanjang otomatis, jadi saldo Anda tidak terpakai.',
    burn: (monthly: string, daily: string) => `${monthly} per 30 hari (${daily} per hari)`,
    thisMonth: 'Bulan ini',
    spent: (amount: string) => `${amount} terpakai`,
    lastMonth: (amount: string) => `Bulan lalu: ${amount} terpakai`,
    topups: (count: number, amount: string) =>
      count === 0 ? 'Belum ada isi saldo' : `${count} isi saldo diterima, ${amount}`,
    pending: (count: number, amount: string) => `${count} isi saldo menunggu pembayaran (${amount})`,
    renewals: 'Perpanjangan dalam 30 hari ke depan',
    noRenewals: 'Tidak ada aplikasi yang diperpanjang dalam 30 hari ke depan.',
    app: 'Aplikasi',
    renewsAt: 'Diperpanjang',
    total: 'Total',
    shortfallTitle: 'Saldo tidak cukup untuk perpanjangan ini',
    shortfall: (amount: string) =>
      `Saldo Anda kurang ${amount}. Aplikasi yang perpanjangannya tidak dapat ditagih akan ditangguhkan.`,
    fillShortfall: (amount: string) => `Isikan ${amount}`,
  },
});

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={600}>
          {label}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** Balance (data-testid="balance"), runway and this month at a glance. */
export function BillingFigures() {
  const t = useMessages(m);
  const f = useFormat();
  const balance = useBalance();
  const overview = useOverview();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="lg">
      <Figure label={t.balance}>
        <QueryState query={balance}>
          {(data) => (
            <>
              <Text fz={28} fw={700} lh={1.2} data-testid="balance">
                {f.idr(data.balance)}
              </Text>
              <Text size="sm" c="dimmed">
                {data.updatedAt ? t.updated(f.dateTime(data.updatedAt)) : t.never}
              </Text>
            </>
          )}
        </QueryState>
      </Figure>
      <Figure label={t.runway}>
        <QueryState query={overview}>{(data) => <Runway overview={data} />}</QueryState>
      </Figure>
      <Figure label={t.thisMonth}>
        <QueryState query={overview}>
          {(data) => (
            <>
              <Text fz={22} fw={700} lh={1.2}>
                {t.spent(f.idr(data.thisMonth.spend))}
              </Text>
              <Text size="sm">{t.topups(data.thisMonth.topups.count, f.idr(data.thisMonth.topups.amount))}</Text>
              {data.pendingTopups.count > 0 && (
                <Text size="sm">{t.pending(data.pendingTopups.count, f.idr(data.pendingTopups.amount))}</Text>
              )}
              <Text size="sm" c="dimmed">
                {t.lastMonth(f.idr(data.lastMonth.spend))}
              </Text>
            </>
          )}
        </QueryState>
      </Figure>
    </SimpleGrid>
  );
}

function Runway({ overview }: { overview: Schemas['BillingOverview'] }) {
  const t = useMessages(m);
  const f = useFormat();
  if (overview.runway.days === null) return <Text size="sm">{t.noBurn}</Text>;
  return (
    <>
      <Text fz={22} fw={700} lh={1.2} data-testid="runway-days">
        {t.days(overview.runway.days, f.number(overview.runway.days))}
      </Text>
      <Text size="sm">{t.until(f.date(overview.runway.until))}</Text>
      <Text size="sm" c="dimmed">
        {t.burn(f.idr(overview.burn.monthly), f.idr(overview.burn.daily))}
      </Text>
    </>
  );
}

/** The renewals of the next 30 days, their total, and the credit they lack (with a button to top it up). */
export function UpcomingRenewals({ onTopUp }: { onTopUp: (amount: number) => void }) {
  const t = useMessages(m);
  const c = useMessages(common);
  const f = useFormat();
  const overview = useOverview();
  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} size="h4" mb="sm">
        {t.renewals}
      </Title>
      <QueryState query={overview} isEmpty={(data) => data.upcomingRenewals.items.length === 0} empty={t.noRenewals}>
        {({ upcomingRenewals: renewals }) => {
          const suggested = Math.min(TOPUP_MAX, Math.max(TOPUP_MIN, renewals.shortfall));
          return (
            <Stack>
              {renewals.shortfall > 0 && (
                <Alert color="red" title={t.shortfallTitle}>
                  <Text size="sm">{t.shortfall(f.idr(renewals.shortfall))}</Text>
                  <Button size="xs" mt="sm" variant="default" onClick={() => onTopUp(suggested)}>
                    {t.fillShortfall(f.idr(suggested))}
                  </Button>
                </Alert>
              )}
              <ScrollTable minWidth={420}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.app}</Table.Th>
                      <Table.Th>{t.renewsAt}</Table.Th>
                      <Table.Th ta="right">{c.amount}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {renewals.items.map((item) => (
                      <Table.Tr key={item.subscriptionId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/subscriptions/${item.subscriptionId}`} size="sm">
                            {item.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{f.dateTime(item.renewsAt)}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">{f.idr(item.amount)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th colSpan={2}>{t.total}</Table.Th>
                      <Table.Th ta="right">{f.idr(renewals.total)}</Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </ScrollTable>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
