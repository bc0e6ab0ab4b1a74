import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { podMessages } from './pod-messages';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** One row per pod; its name opens the detail drawer, its worker links to the worker's page. */
export function PodsTable({ pods, onOpen }: { pods: Schemas['AdminPod'][]; onOpen: (id: string) => void }) {
  const t = useMessages(podMessages);
  const f = useClusterFormat();
  return (
    <ScrollTable minWidth={1080}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t.list}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.app}</Table.Th>
            <Table.Th>{t.owner}</Table.Th>
            <Table.Th>{t.service}</Table.Th>
            <Table.Th>{t.status}</Table.Th>
            <Table.Th>{t.node}</Table.Th>
            <Table.Th ta="right">{t.replicas}</Table.Th>
            <Table.Th ta="right">{t.restarts}</Table.Th>
            <Table.Th ta="right">{t.age}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pods.map((pod) => (
            <Table.Tr key={pod.id} data-pod={pod.id}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fw={500}
                  onClick={() => onOpen(pod.id)}
                  aria-label={t.details(pod.subscription.name)}
                >
                  {pod.subscription.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {pod.subscription.host}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{pod.user.email}</Text>
                <Text size="xs" c="dimmed">
                  {pod.user.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{pod.service?.name ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {pod.plan?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <StatusBadge status={pod.status} />
                {pod.adminStoppedAt && (
                  <Text size="xs" c="dimmed">
                    {t.adminStopped}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={NOWRAP}>
                {pod.node ? (
                  <Anchor component={Link} to={`/admin/workers/${encodeURIComponent(pod.node)}`} size="sm">
                    {pod.node}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td ta="right">
                {pod.readyReplicas}/{pod.desiredReplicas}
              </Table.Td>
              <Table.Td ta="right">{f.number(pod.restarts)}</Table.Td>
              <Table.Td ta="right" style={NOWRAP}>
                {f.age(pod.ageSeconds)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
