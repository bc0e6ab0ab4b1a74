import { Table, Text } from '@mantine/core';
import type { Schemas } from '../../../../api/client';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { queuesMessages } from './messages';

type Queue = Schemas['QueueOverview'];
const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'paused', 'completed', 'failed'] as const;

/** One row per queue, one column per job state. */
export function QueueCounts({ queues }: { queues: Queue[] }) {
  const t = useMessages(queuesMessages);
  const f = useFormat();
  const right = { textAlign: 'right' } as const;
  return (
    <ScrollTable minWidth={720} label={t.counts}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.queue}</Table.Th>
            {STATES.map((state) => (
              <Table.Th key={state} style={right}>
                {t[state]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.map((queue) => (
            <Table.Tr key={queue.name} data-testid="queue-row">
              <Table.Th scope="row">
                <Text size="sm" ff="monospace" fw={500}>
                  {queue.name}
                </Text>
              </Table.Th>
              {STATES.map((state) => (
                <Table.Td
                  key={state}
                  style={right}
                  fw={state === 'failed' && queue.counts.failed > 0 ? 700 : undefined}
                  c={state === 'failed' && queue.counts.failed > 0 ? 'red.9' : undefined}
                >
                  {f.number(queue.counts[state])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
