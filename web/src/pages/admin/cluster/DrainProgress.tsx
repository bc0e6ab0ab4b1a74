import { Alert, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { drainMessages } from './worker-detail-messages';

type Drain = NonNullable<Schemas['Worker']['drain']>;
type DrainPod = Drain['evicted'][number];

function PodList({ title, pods }: { title: string; pods: DrainPod[] }) {
  const t = useMessages(drainMessages);
  if (pods.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title} ({pods.length})
      </Title>
      <ScrollTable minWidth={420}>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.pod}</Table.Th>
              <Table.Th>{t.reason}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pods.map((pod) => (
              <Table.Tr key={`${pod.namespace}/${pod.name}`}>
                <Table.Td ff="monospace">
                  {pod.namespace}/{pod.name}
                </Table.Td>
                <Table.Td>{pod.reason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** The last drain: state, counts and a bar that fill in while it runs (the page refetches every 2 s). */
export function DrainProgress({ drain }: { drain: Drain }) {
  const t = useMessages(drainMessages);
  const f = useClusterFormat();
  const handled = drain.evicted.length + drain.skipped.length + drain.failed.length;
  const percent = drain.total > 0 ? (handled / drain.total) * 100 : drain.state === 'RUNNING' ? 0 : 100;
  const counts: [string, number][] = [
    [t.total, drain.total],
    [t.evicted, drain.evicted.length],
    [t.skipped, drain.skipped.length],
    [t.waiting, drain.waiting.length],
    [t.failed, drain.failed.length],
    [t.notified, drain.notifiedSubscriptions.length],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="drain-title" data-testid="drain-progress">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="drain-title">
            {t.progress}
          </Title>
          <Group gap="xs" aria-live="polite">
            <Text size="sm">{t.state}:</Text>
            <span data-testid="drain-state">
              <StatusBadge status={drain.state} />
            </span>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t.started}: {f.dateTime(drain.startedAt)} · {t.finished}: {f.dateTime(drain.finishedAt)}
        </Text>
        <Progress
          value={Math.min(100, percent)}
          color={drain.state === 'FAILED' ? 'red' : drain.state === 'DONE' ? 'green' : 'blue'}
          striped={drain.state === 'RUNNING'}
          animated={drain.state === 'RUNNING'}
          aria-label={t.progressLabel(handled, drain.total)}
        />
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
          {counts.map(([label, value]) => (
            <Stack gap={0} key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={600}>{f.number(value)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {drain.state === 'RUNNING' && (
          <Text size="sm" c="dimmed">
            {t.refreshing}
          </Text>
        )}
        {drain.state === 'DONE' && (
          <Alert color="green" variant="light">
            {t.done}
          </Alert>
        )}
        {drain.state === 'FAILED' && (
          <Alert color="red" variant="light" title={t.failedNote}>
            {drain.error ?? ''}
          </Alert>
        )}
        <PodList title={t.waiting} pods={drain.waiting} />
        <PodList title={t.failed} pods={drain.failed} />
      </Stack>
    </Card>
  );
}
