import { Group, Progress, Stack, Text } from '@mantine/core';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';

export const capacityMessages = defineMessages({
  en: {
    cpu: 'CPU',
    memory: 'Memory',
    pods: 'Pods',
    disk: 'Disk',
    requestedOf: (resource: string, percent: string) => `${resource} requested ${percent} of allocatable`,
    usedOf: (resource: string, percent: string) => `${resource} used ${percent} of total`,
  },
  id: {
    cpu: 'CPU',
    memory: 'Memori',
    pods: 'Pod',
    disk: 'Disk',
    requestedOf: (resource: string, percent: string) => `${resource} diminta ${percent} dari yang dapat dialokasikan`,
    usedOf: (resource: string, percent: string) => `${resource} terpakai ${percent} dari total`,
  },
});

const colorFor = (percent: number) => (percent >= 90 ? 'red' : percent >= 75 ? 'orange' : 'blue');

/**
 * One resource's use as a bar with its figures beside it ("2.5 / 8 cores · 31%"); the bar's accessible name
 * says the same ("CPU requested 31% of allocatable"), so the colour is never the only meaning.
 */
export function CapacityBar({
  resource,
  percent,
  used,
  total,
  kind = 'requested',
  compact = false,
}: {
  resource: string;
  /** 0–100, as the API reports it. */
  percent: number;
  used: string;
  total: string;
  kind?: 'requested' | 'used';
  compact?: boolean;
}) {
  const t = useMessages(capacityMessages);
  const f = useClusterFormat();
  const shown = f.percent(percent);
  const label = kind === 'requested' ? t.requestedOf(resource, shown) : t.usedOf(resource, shown);
  return (
    <Stack gap={2} miw={compact ? 140 : undefined}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" fw={500}>
          {resource}
        </Text>
        <Text size="xs" c="dimmed" ta="right">
          {used} / {total} · {shown}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, Math.max(0, percent))}
        color={colorFor(percent)}
        size={compact ? 'sm' : 'md'}
        aria-label={label}
        title={label}
      />
    </Stack>
  );
}

interface Usage {
  allocatable: { cpuMillicores: number; memoryMib: number; pods: number };
  requested: { cpuMillicores: number; memoryMib: number };
  utilization: { cpuPercent: number; memoryPercent: number; podsPercent: number };
}

/** CPU, memory and pods: requested against allocatable, as the API reports them for a worker or the cluster. */
export function CapacityBars({ usage, podCount, compact }: { usage: Usage; podCount: number; compact?: boolean }) {
  const t = useMessages(capacityMessages);
  const f = useClusterFormat();
  return (
    <Stack gap={compact ? 6 : 'sm'}>
      <CapacityBar
        compact={compact}
        resource={t.cpu}
        percent={usage.utilization.cpuPercent}
        used={f.cores(usage.requested.cpuMillicores)}
        total={f.cores(usage.allocatable.cpuMillicores)}
      />
      <CapacityBar
        compact={compact}
        resource={t.memory}
        percent={usage.utilization.memoryPercent}
        used={f.mib(usage.requested.memoryMib)}
        total={f.mib(usage.allocatable.memoryMib)}
      />
      <CapacityBar
        compact={compact}
        resource={t.pods}
        percent={usage.utilization.podsPercent}
        used={f.number(podCount)}
        total={f.number(usage.allocatable.pods)}
      />
    </Stack>
  );
}
