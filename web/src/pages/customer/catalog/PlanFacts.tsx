import { List, Text } from '@mantine/core';
import { useFormat, useMessages } from '../../../i18n/i18n';
import type { Plan } from './api';
import { catalogMessages } from './messages';

/** A plan's monthly price, as the API prices plans (per month, whole rupiah). */
export function PlanPrice({ plan, size = 'md' }: { plan: Pick<Plan, 'priceMonthlyIdr'>; size?: string }) {
  const t = useMessages(catalogMessages);
  const f = useFormat();
  return (
    <Text fw={700} size={size}>
      {t.perMonth(f.idr(plan.priceMonthlyIdr))}
    </Text>
  );
}

/** What a plan gives the app: CPU, memory, storage, then the plan's own feature lines. */
export function PlanFacts({ plan }: { plan: Plan }) {
  const t = useMessages(catalogMessages);
  const f = useFormat();
  const cores = (millicores: number) => f.number(millicores / 1000, { maximumFractionDigits: 2 });
  const memory = (mib: number) =>
    mib >= 1024 && mib % 1024 === 0 ? t.gib(f.number(mib / 1024)) : t.mib(f.number(mib));
  return (
    <List size="sm" spacing={2}>
      <List.Item>{t.cpu(cores(plan.cpuRequestMillicores), cores(plan.cpuLimitMillicores))}</List.Item>
      <List.Item>{t.memory(memory(plan.memoryRequestMib), memory(plan.memoryLimitMib))}</List.Item>
      <List.Item>{t.storage(t.gib(f.number(plan.storageGib)))}</List.Item>
      {plan.features.map((feature) => (
        <List.Item key={feature}>{feature}</List.Item>
      ))}
    </List>
  );
}
