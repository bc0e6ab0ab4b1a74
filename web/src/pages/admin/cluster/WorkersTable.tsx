import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n/i18n';
import { AgentBadge } from './AgentBadge';
import { CapacityBars } from './CapacityBar';
import { useClusterFormat } from './format';
import { workerMessages } from './worker-messages';

/** One row per worker: its node name links to the worker's page. */
export function WorkersTable({ workers }: { workers: Schemas['Worker'][] }) {
  const t = useMessages(workerMessages);
  const f = useClusterFormat();
  return (
    <ScrollTable minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t.listTitle}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.name}</Table.Th>
            <Table.Th>{t.status}</Table.Th>
            <Table.Th>{t.agent}</Table.Th>
            <Table.Th>{t.address}</Table.Th>
            <Table.Th ta="right">{t.podsCol}</Table.Th>
            <Table.Th w={300}>{t.capacity}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workers.map((w) => (
            <Table.Tr key={w.id} data-worker={w.name}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/workers/${w.id}`} fw={500}>
                  {w.name}
                </Anchor>
                {w.roles.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {w.roles.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={w.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AgentBadge online={w.online} lastHeartbeatAt={w.agent.lastHeartbeatAt} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" ff="monospace">
                    {w.internalIp ?? w.externalIp ?? '—'}
                  </Text>
                </Group>
                {w.architecture && (
                  <Text size="xs" c="dimmed">
                    {[w.operatingSystem, w.architecture].filter(Boolean).join('/')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{f.number(w.podCount)}</Table.Td>
              <Table.Td>
                <CapacityBars usage={w} podCount={w.podCount} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
