import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../../components/QueryState';
import { useMessages } from '../../../i18n/i18n';
import { CapacityBars } from './CapacityBar';
import { useClusterFormat } from './format';
import { workerStatsQuery } from './queries';
import { WORKER_STATUSES, workerMessages } from './worker-messages';

/** The cluster at a glance: workers by status, agents, pods, and the summed capacity bars. */
export function WorkerStatsPanel() {
  const t = useMessages(workerMessages);
  const f = useClusterFormat();
  const stats = useQuery(workerStatsQuery());
  return (
    <QueryState query={stats}>
      {(s) => (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="lg">
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {t.total}
            </Text>
            <Text fz="xl" fw={700} data-testid="workers-total">
              {f.number(s.total)}
              {s.gone > 0 ? (
                <Text span size="sm" c="dimmed" fw={400}>
                  {' '}
                  (+{f.number(s.gone)} {t.gone})
                </Text>
              ) : null}
            </Text>
            <Text size="sm" mt={4}>
              {WORKER_STATUSES.filter((status) => status !== 'INACTIVE' && s.byStatus[status] > 0)
                .map((status) => `${t[status]}: ${f.number(s.byStatus[status])}`)
                .join(' · ') || '—'}
            </Text>
            <Text size="sm" c="dimmed">
              {t.schedulable}: {f.number(s.schedulable)} · {t.cordoned}: {f.number(s.cordoned)}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {t.agents}
            </Text>
            <Text fz="xl" fw={700}>
              {f.number(s.agents.online)} / {f.number(s.total)} {t.online.toLowerCase()}
            </Text>
            <Text size="sm" mt={4}>
              {t.agentsLine(s.agents.online, s.agents.offline, s.agents.never)}
            </Text>
            <Text size="sm" c="dimmed">
              {t.podsTotal}: {f.number(s.pods)}
            </Text>
          </Card>
          <Card withBorder>
            <Title order={2} size="sm" fw={500} mb="xs">
              {t.cluster}
            </Title>
            <CapacityBars usage={s} podCount={s.pods} />
          </Card>
        </SimpleGrid>
      )}
    </QueryState>
  );
}
