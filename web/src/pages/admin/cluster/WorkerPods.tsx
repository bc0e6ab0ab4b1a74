import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { podsQuery } from './queries';
import { workerDetailMessages } from './worker-detail-messages';

/** The customers' apps on the worker (GET /admin/pods?worker=<name>), paged. */
export function WorkerAppPods({ worker }: { worker: Schemas['WorkerDetail'] }) {
  const t = useMessages(workerDetailMessages);
  const f = useClusterFormat();
  const [page, setPage] = useState(1);
  const pods = useQuery(podsQuery({ worker: worker.name, page, pageSize: 20, sort: 'user' }));
  return (
    <Card withBorder component="section">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t.pods}
        </Title>
        <Anchor component={Link} to={`/admin/pods?worker=${encodeURIComponent(worker.name)}`} size="sm">
          {t.allOnPodsPage}
        </Anchor>
      </Group>
      <QueryState query={pods} isEmpty={(d) => d.items.length === 0} empty={t.noPods}>
        {(data) => (
          <>
            <ScrollTable minWidth={760}>
              <Table fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.app}</Table.Th>
                    <Table.Th>{t.owner}</Table.Th>
                    <Table.Th>{t.service}</Table.Th>
                    <Table.Th>{t.status}</Table.Th>
                    <Table.Th ta="right">{t.replicas}</Table.Th>
                    <Table.Th ta="right">{t.age}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((pod) => (
                    <Table.Tr key={pod.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/admin/pods?pod=${pod.id}&worker=${encodeURIComponent(worker.name)}`}
                        >
                          {pod.subscription.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {pod.subscription.host}
                        </Text>
                      </Table.Td>
                      <Table.Td>{pod.user.email}</Table.Td>
                      <Table.Td>{pod.service?.name ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <StatusBadge status={pod.status} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {pod.readyReplicas}/{pod.desiredReplicas}
                      </Table.Td>
                      <Table.Td ta="right">{f.age(pod.ageSeconds)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </QueryState>
    </Card>
  );
}

/** Every pod the cluster shows on the node now (system pods included), from the worker's detail. */
export function WorkerClusterPods({ worker }: { worker: Schemas['WorkerDetail'] }) {
  const t = useMessages(workerDetailMessages);
  return (
    <Card withBorder component="section">
      <Title order={2} size="h4" mb="sm">
        {t.clusterPods}
        {worker.pods ? ` (${worker.pods.length})` : ''}
      </Title>
      {worker.pods === null ? (
        <Text size="sm">{t.clusterPodsUnavailable}</Text>
      ) : worker.pods.length === 0 ? (
        <Text size="sm">{t.noClusterPods}</Text>
      ) : (
        <ScrollTable minWidth={560}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.namespace}</Table.Th>
                <Table.Th>{t.name}</Table.Th>
                <Table.Th>{t.phase}</Table.Th>
                <Table.Th>{t.subscription}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {worker.pods.map((pod) => (
                <Table.Tr key={`${pod.namespace}/${pod.name}`}>
                  <Table.Td ff="monospace">{pod.namespace}</Table.Td>
                  <Table.Td ff="monospace">{pod.name}</Table.Td>
                  <Table.Td>{pod.phase}</Table.Td>
                  <Table.Td ff="monospace">{pod.subscriptionId ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
