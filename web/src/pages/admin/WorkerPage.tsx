import { Alert, Anchor, Box, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { useMessages } from '../../i18n/i18n';
import { AgentBadge } from './cluster/AgentBadge';
import { DrainProgress } from './cluster/DrainProgress';
import { useClusterFormat } from './cluster/format';
import { keys, workerQuery } from './cluster/queries';
import { WorkerActions } from './cluster/WorkerActions';
import {
  WorkerAgentCard,
  WorkerCapacityCard,
  WorkerConditionsCard,
  WorkerDetailsCard,
  WorkerLabelsCard,
} from './cluster/WorkerFacts';
import { WorkerAppPods, WorkerClusterPods } from './cluster/WorkerPods';
import { workerDetailMessages } from './cluster/worker-detail-messages';

/** /admin/workers/:id: one worker (id or node name), its pods, cordon / uncordon / drain and the drain's progress. */
export default function WorkerPage() {
  const { id = '' } = useParams();
  const t = useMessages(workerDetailMessages);
  const f = useClusterFormat();
  const worker = useQuery(workerQuery(id));
  // While a drain moves pods away, the list of apps on the worker (from the pods table) follows each round.
  const queryClient = useQueryClient();
  const drain = worker.data?.drain;
  const progress = drain ? `${drain.state}:${drain.evicted.length}:${drain.failed.length}` : '';
  useEffect(() => {
    if (progress) void queryClient.invalidateQueries({ queryKey: keys.pods });
  }, [progress, queryClient]);
  return (
    <>
      <Anchor component={Link} to="/admin/workers" size="sm" mb="xs" display="inline-block">
        ← {t.back}
      </Anchor>
      <PageHeader
        title={worker.data?.name ?? t.worker}
        actions={worker.data ? <WorkerActions worker={worker.data} /> : undefined}
      />
      <QueryState query={worker}>
        {(w) => (
          <Stack gap="lg">
            <Group gap="xs" wrap="wrap" mt={-8}>
              <Box component="span" data-testid="worker-status">
                <StatusBadge status={w.status} />
              </Box>
              <AgentBadge online={w.online} lastHeartbeatAt={w.agent.lastHeartbeatAt} />
            </Group>
            {(w.maintenance || !w.schedulable || w.goneAt) && (
              <Alert color={w.goneAt ? 'gray' : 'orange'} variant="light">
                <Text size="sm">
                  {w.goneAt
                    ? t.gone(f.dateTime(w.goneAt))
                    : w.maintenance?.state === 'DRAINING'
                      ? t.maintenanceDraining(f.dateTime(w.maintenance.since))
                      : w.maintenance?.state === 'CORDONED'
                        ? t.maintenanceCordoned(f.dateTime(w.maintenance.since))
                        : t.nodeCordoned}
                </Text>
              </Alert>
            )}
            {w.drain && <DrainProgress drain={w.drain} />}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <WorkerCapacityCard worker={w} />
              <WorkerAgentCard worker={w} />
            </SimpleGrid>
            <WorkerAppPods worker={w} />
            <WorkerDetailsCard worker={w} />
            <WorkerConditionsCard worker={w} />
            <WorkerLabelsCard worker={w} />
            <WorkerClusterPods worker={w} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
