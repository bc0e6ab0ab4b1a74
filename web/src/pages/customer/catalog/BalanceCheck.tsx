import { Anchor, Group, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { useBalance } from '../billing/queries';
import type { Plan } from './api';

const m = defineMessages({
  en: {
    balance: 'Your balance:',
    covers: (plan: string) => `✓ Enough for the first month of ${plan}.`,
    short: (plan: string, amount: string) => `✗ Not enough for ${plan}: top up at least ${amount}.`,
    topUp: 'Top up',
    choosePlan: 'Choose a plan to see whether your balance covers it.',
  },
  id: {
    balance: 'Saldo Anda:',
    covers: (plan: string) => `✓ Cukup untuk bulan pertama paket ${plan}.`,
    short: (plan: string, amount: string) => `✗ Belum cukup untuk paket ${plan}: isi saldo minimal ${amount}.`,
    topUp: 'Isi saldo',
    choosePlan: 'Pilih paket untuk melihat apakah saldo Anda mencukupi.',
  },
});

/** GET /billing/balance beside the chosen plan: whether the first month's charge is covered, and a top-up link if not. */
export function BalanceCheck({ plan }: { plan: Plan | undefined }) {
  const t = useMessages(m);
  const f = useFormat();
  const balance = useBalance();
  if (balance.isPending) return <Loader size="xs" aria-label={t.balance} />;
  if (balance.isError) return <ErrorAlert error={balance.error} onRetry={() => void balance.refetch()} />;
  const available = balance.data.balance;
  const shortBy = plan ? plan.priceMonthlyIdr - available : 0;
  return (
    <div data-testid="balance-check">
      <Group gap={6} wrap="wrap">
        <Text size="sm">{t.balance}</Text>
        <Text size="sm" fw={700} data-testid="balance">
          {f.idr(available)}
        </Text>
      </Group>
      {!plan ? (
        <Text size="sm" c="dimmed">
          {t.choosePlan}
        </Text>
      ) : shortBy <= 0 ? (
        <Text size="sm" c="teal.9">
          {t.covers(plan.name)}
        </Text>
      ) : (
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="red.9">
            {t.short(plan.name, f.idr(shortBy))}
          </Text>
          <Anchor component={Link} to="/billing" size="sm" fw={600}>
            {t.topUp}
          </Anchor>
        </Group>
      )}
    </div>
  );
}
