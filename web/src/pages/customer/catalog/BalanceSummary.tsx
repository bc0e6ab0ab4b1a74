import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { useOverview } from '../billing/queries';

const m = defineMessages({
  en: {
    title: 'Balance',
    balance: 'Credit balance',
    runway: 'Lasts',
    runwayDays: (days: string) => `about ${days} days`,
    runwayUntil: (date: string) => `until ${date}`,
    noBurn: 'Nothing renews automatically, so the balance is not being used.',
    burn: 'Renewals cost',
    perMonth: (amount: string) => `${amount} per month`,
    perDay: (amount: string) => `${amount} per day`,
    renewals: 'Renewals in the next 30 days',
    shortfall: (amount: string) => `Your balance is ${amount} short of the renewals due in the next 30 days.`,
    pending: (count: number, amount: string) =>
      count === 1
        ? `1 top-up of ${amount} is waiting for payment.`
        : `${count} top-ups (${amount}) are waiting for payment.`,
    topUpNow: 'Top up now',
    billing: 'Billing and transactions',
  },
  id: {
    title: 'Saldo',
    balance: 'Saldo kredit',
    runway: 'Cukup untuk',
    runwayDays: (days: string) => `sekitar ${days} hari`,
    runwayUntil: (date: string) => `hingga ${date}`,
    noBurn: 'Tidak ada yang diperpanjang otomatis, jadi saldo tidak terpakai.',
    burn: 'Biaya perpanjangan',
    perMonth: (amount: string) => `${amount} per bulan`,
    perDay: (amount: string) => `${amount} per hari`,
    renewals: 'Perpanjangan dalam 30 hari ke depan',
    shortfall: (amount: string) => `Saldo Anda kurang ${amount} untuk perpanjangan dalam 30 hari ke depan.`,
    pending: (count: number, amount: string) => `${count} isi saldo (${amount}) menunggu pembayaran.`,
    topUpNow: 'Isi saldo sekarang',
    billing: 'Tagihan dan transaksi',
  },
});

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {children}
      </Text>
    </Paper>
  );
}

/** GET /billing/overview: the balance, how long it lasts at the renewals' rate, and what is due soon. */
export function BalanceSummary() {
  const t = useMessages(m);
  const f = useFormat();
  const overview = useOverview();
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-balance">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="home-balance">
          {t.title}
        </Title>
        <Anchor component={Link} to="/billing/transactions" size="sm">
          {t.billing}
        </Anchor>
      </Group>
      <QueryState query={overview}>
        {(o) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Figure label={t.balance} testId="balance">
                {f.idr(o.balance)}
              </Figure>
              <Figure label={t.runway} testId="runway">
                {o.runway.days === null ? '—' : t.runwayDays(f.number(o.runway.days))}
                {o.runway.until && (
                  <Text span size="sm" fw={400} display="block">
                    {t.runwayUntil(f.date(o.runway.until))}
                  </Text>
                )}
              </Figure>
              <Figure label={t.renewals}>
                {f.idr(o.upcomingRenewals.total)}
                {o.burn.monthly > 0 && (
                  <Text span size="sm" fw={400} display="block">
                    {t.burn}: {t.perMonth(f.idr(o.burn.monthly))} · {t.perDay(f.idr(o.burn.daily))}
                  </Text>
                )}
              </Figure>
            </SimpleGrid>
            {o.runway.days === null && (
              <Text size="sm" c="dimmed">
                {t.noBurn}
              </Text>
            )}
            {o.upcomingRenewals.shortfall > 0 && (
              <Alert color="red" role="alert" data-testid="renewal-shortfall">
                <Group gap="sm" wrap="wrap">
                  <Text size="sm">{t.shortfall(f.idr(o.upcomingRenewals.shortfall))}</Text>
                  <Button component={Link} to="/billing" size="xs" color="red">
                    {t.topUpNow}
                  </Button>
                </Group>
              </Alert>
            )}
            {o.pendingTopups.count > 0 && (
              <Text size="sm">
                <Anchor component={Link} to="/billing/transactions">
                  {t.pending(o.pendingTopups.count, f.idr(o.pendingTopups.amount))}
                </Anchor>
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
