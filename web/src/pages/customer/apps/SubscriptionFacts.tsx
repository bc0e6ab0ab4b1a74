import { Text } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { StatusBadge } from '../../../components/StatusBadge';
import { useFormat, useMessages } from '../../../i18n/i18n';
import { Facts } from './Facts';
import { appsMessages } from './messages';
import { AppLink } from './SubscriptionsTable';

/** What the subscription is: status, service and plan, price, period, next charge, auto-renew. */
export function SubscriptionFacts({ subscription: s }: { subscription: Schemas['Subscription'] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  const items = [
    { label: t.statusFilter, value: <StatusBadge status={s.status} /> },
    { label: t.address, value: <AppLink subscription={s} /> },
    { label: t.service, value: s.service?.name ?? '—' },
    {
      label: t.plan,
      value: (
        <>
          {s.plan ? `${s.plan.name} · ${f.idr(s.plan.priceMonthlyIdr)}` : t.serviceGone}
          {s.pendingPlan && (
            <Text size="xs" c="dimmed">
              {t.pendingPlan(s.pendingPlan.name, f.date(s.periodEnd))}
            </Text>
          )}
        </>
      ),
    },
    { label: t.price, value: f.idr(s.priceIdr) },
    { label: t.period, value: t.periodRange(f.date(s.periodStart), f.date(s.periodEnd)) },
    {
      label: t.nextCharge,
      value: s.nextCharge ? `${f.date(s.nextCharge.at)} · ${f.idr(s.nextCharge.amount)}` : t.noNextCharge,
    },
    { label: t.autoRenew, value: s.autoRenew && !s.cancelAtPeriodEnd ? t.on : t.off },
    { label: t.created, value: f.dateTime(s.createdAt) },
  ];
  if (s.endReason) items.push({ label: t.endReason, value: s.endReason });
  return <Facts items={items} />;
}
