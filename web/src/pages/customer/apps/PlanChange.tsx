import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { useFormat, useMessages } from '../../../i18n/i18n';
import { ActionError } from './ApiErrorAlert';
import { appsMessages } from './messages';
import { patchSubscription, useSubscriptionChange } from './mutations';

type Subscription = Schemas['Subscription'];

/**
 * Another plan of the same service (GET /services/{slug} for the plans; PATCH /subscriptions/{id} { planId }):
 * a dearer one applies now with the rest of the period charged, a cheaper one at the next renewal.
 */
export function PlanChange({
  subscription: s,
}: {
  subscription: Subscription & { service: NonNullable<Subscription['service']> };
}) {
  const slug = s.service.slug;
  const service = useQuery({
    queryKey: ['services', slug],
    queryFn: () => call(api.GET('/api/v1/services/{slug}', { params: { path: { slug } } })),
    staleTime: 60_000,
  });
  return (
    <QueryState query={service} isEmpty={(data) => data.plans.length < 2}>
      {(data) => <PlanForm subscription={s} plans={data.plans} />}
    </QueryState>
  );
}

function PlanForm({ subscription: s, plans }: { subscription: Subscription; plans: Schemas['Plan'][] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  const target = s.pendingPlan?.id ?? s.plan?.id ?? null;
  const [choice, setChoice] = useState<string | null>(target);
  const change = useSubscriptionChange(
    s.id,
    (planId: string) => patchSubscription(s.id, { planId }),
    (data) => (data.pendingPlan ? t.planScheduled : t.planChanged),
  );
  const chosen = plans.find((p) => p.id === choice);
  const periodMs = new Date(s.periodEnd).getTime() - new Date(s.periodStart).getTime();
  const leftMs = Math.max(0, new Date(s.periodEnd).getTime() - Date.now());
  const effect = !chosen
    ? null
    : chosen.id === s.plan?.id
      ? t.planDropPending
      : chosen.priceMonthlyIdr >= s.priceIdr
        ? t.planChargeNow(f.idr(Math.ceil(((chosen.priceMonthlyIdr - s.priceIdr) * leftMs) / Math.max(1, periodMs))))
        : t.planAtRenewal(f.date(s.periodEnd));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (choice && choice !== target) change.mutate(choice);
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t.newPlan}
            w={{ base: '100%', sm: 360 }}
            data={plans.map((p) => ({
              value: p.id,
              label: `${t.planPerMonth(p.name, f.idr(p.priceMonthlyIdr))}${p.id === s.plan?.id ? ` (${t.planCurrent})` : ''}`,
            }))}
            value={choice}
            onChange={setChoice}
            allowDeselect={false}
            disabled={s.status !== 'ACTIVE'}
          />
          <Button
            type="submit"
            variant="default"
            loading={change.isPending}
            disabled={s.status !== 'ACTIVE' || !choice || choice === target}
          >
            {t.applyPlan}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {choice && choice !== target && effect ? effect : t.planHelp}
        </Text>
        <ActionError error={change.error} />
      </Stack>
    </form>
  );
}
