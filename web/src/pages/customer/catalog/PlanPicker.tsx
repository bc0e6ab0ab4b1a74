import { Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import type { Plan } from './api';
import { PlanFacts, PlanPrice } from './PlanFacts';

const m = defineMessages({
  en: { label: 'Choose a plan', hint: 'Charged from your balance each month; change or cancel later.' },
  id: { label: 'Pilih paket', hint: 'Ditagih dari saldo Anda setiap bulan; dapat diubah atau dibatalkan nanti.' },
});

/** The service's plans as radios, each labelled by the plan's name, with its price and resources beside it. */
export function PlanPicker({
  plans,
  value,
  onChange,
  error,
}: {
  plans: Plan[];
  value: string;
  onChange: (planId: string) => void;
  error?: string | null;
}) {
  const t = useMessages(m);
  return (
    <Radio.Group
      label={t.label}
      description={t.hint}
      value={value}
      onChange={onChange}
      error={error}
      required
      styles={{ error: { color: 'var(--mantine-color-red-9)' } }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="sm">
        {plans.map((plan) => (
          <Paper
            key={plan.id}
            withBorder
            p="md"
            data-testid="plan"
            style={value === plan.id ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 2 } : undefined}
          >
            <Stack gap="xs">
              <Radio
                value={plan.id}
                label={
                  <Text fw={700} size="lg" span>
                    {plan.name}
                  </Text>
                }
              />
              <PlanPrice plan={plan} />
              {plan.description && (
                <Text size="sm" c="dimmed">
                  {plan.description}
                </Text>
              )}
              <PlanFacts plan={plan} />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
