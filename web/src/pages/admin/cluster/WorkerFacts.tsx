import { Card, Code, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { common } from '../../../i18n/common';
import { useMessages } from '../../../i18n/i18n';
import { CapacityBar, CapacityBars, capacityMessages } from './CapacityBar';
import { useClusterFormat } from './format';
import { workerDetailMessages } from './worker-detail-messages';

type Worker = Schemas['WorkerDetail'];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children ?? '—'}
      </Text>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Addresses, software and readiness of the node. */
export function WorkerDetailsCard({ worker }: { worker: Worker }) {
  const t = useMessages(workerDetailMessages);
  const c = useMessages(common);
  const f = useClusterFormat();
  const yesNo = (v: boolean) => (v ? c.yes : c.no);
  return (
    <Section title={t.facts}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Fact label={t.internalIp}>{worker.internalIp}</Fact>
        <Fact label={t.externalIp}>{worker.externalIp}</Fact>
        <Fact label={t.hostname}>{worker.hostname}</Fact>
        <Fact label={t.roles}>{worker.roles.join(', ') || null}</Fact>
        <Fact label={t.architecture}>
          {[worker.operatingSystem, worker.architecture].filter(Boolean).join(' / ') || null}
        </Fact>
        <Fact label={t.osImage}>{worker.osImage}</Fact>
        <Fact label={t.kernel}>{worker.kernelVersion}</Fact>
        <Fact label={t.kubelet}>{worker.kubeletVersion}</Fact>
        <Fact label={t.runtime}>{worker.containerRuntime}</Fact>
        <Fact label={t.ready}>{yesNo(worker.ready)}</Fact>
        <Fact label={t.schedulable}>{yesNo(worker.schedulable)}</Fact>
        <Fact label={t.nodeCreated}>{f.dateTime(worker.nodeCreatedAt)}</Fact>
        <Fact label={t.lastSeen}>{f.dateTime(worker.lastSeenAt)}</Fact>
      </SimpleGrid>
    </Section>
  );
}

/** Capacity, allocatable and requested, with the bars of requested against allocatable. */
export function WorkerCapacityCard({ worker }: { worker: Worker }) {
  const t = useMessages(workerDetailMessages);
  const r = useMessages(capacityMessages);
  const f = useClusterFormat();
  const rows: [string, string, string, string][] = [
    [
      r.cpu,
      f.cores(worker.capacity.cpuMillicores),
      f.cores(worker.allocatable.cpuMillicores),
      f.cores(worker.requested.cpuMillicores),
    ],
    [
      r.memory,
      f.mib(worker.capacity.memoryMib),
      f.mib(worker.allocatable.memoryMib),
      f.mib(worker.requested.memoryMib),
    ],
    [t.storage, f.mib(worker.capacity.storageMib), f.mib(worker.allocatable.storageMib), '—'],
    [r.pods, f.number(worker.capacity.pods), f.number(worker.allocatable.pods), f.number(worker.podCount)],
  ];
  return (
    <Section title={t.capacity}>
      <CapacityBars usage={worker} podCount={worker.podCount} />
      <ScrollTable minWidth={420} mt="md">
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.resource}</Table.Th>
              <Table.Th ta="right">{t.capacityCol}</Table.Th>
              <Table.Th ta="right">{t.allocatableCol}</Table.Th>
              <Table.Th ta="right">{t.requestedCol}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([name, capacity, allocatable, requested]) => (
              <Table.Tr key={name}>
                <Table.Th scope="row" fw={500}>
                  {name}
                </Table.Th>
                <Table.Td ta="right">{capacity}</Table.Td>
                <Table.Td ta="right">{allocatable}</Table.Td>
                <Table.Td ta="right">{requested}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

/** What the machine's agent last reported: load, disk and memory. */
export function WorkerAgentCard({ worker }: { worker: Worker }) {
  const t = useMessages(workerDetailMessages);
  const r = useMessages(capacityMessages);
  const f = useClusterFormat();
  const { agent } = worker;
  const pct = (u: { usedBytes: number; totalBytes: number }) =>
    u.totalBytes > 0 ? Math.round((u.usedBytes / u.totalBytes) * 1000) / 10 : 0;
  return (
    <Section title={t.agent}>
      {!agent.lastHeartbeatAt ? (
        <Stack gap="xs">
          <Text size="sm">{t.noHeartbeat}</Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {`WORKER_AGENT_TOKEN=… kapal agent --node ${worker.name}`}
          </Code>
        </Stack>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t.lastHeartbeat}>{f.dateTime(agent.lastHeartbeatAt)}</Fact>
            <Fact label={t.version}>{agent.version}</Fact>
            <Fact label={t.load}>
              {agent.load
                ? [agent.load.one, agent.load.five, agent.load.fifteen]
                    .map((l) => f.number(l, { maximumFractionDigits: 2 }))
                    .join(' / ')
                : null}
            </Fact>
            <Fact label={t.cpus}>{agent.cpuCount === null ? null : f.number(agent.cpuCount)}</Fact>
          </SimpleGrid>
          {agent.disk && (
            <CapacityBar
              kind="used"
              resource={r.disk}
              percent={pct(agent.disk)}
              used={f.bytes(agent.disk.usedBytes)}
              total={f.bytes(agent.disk.totalBytes)}
            />
          )}
          {agent.memory && (
            <CapacityBar
              kind="used"
              resource={r.memory}
              percent={pct(agent.memory)}
              used={f.bytes(agent.memory.usedBytes)}
              total={f.bytes(agent.memory.totalBytes)}
            />
          )}
        </Stack>
      )}
    </Section>
  );
}

/** Labels and taints of the node. */
export function WorkerLabelsCard({ worker }: { worker: Worker }) {
  const t = useMessages(workerDetailMessages);
  const labels = Object.entries(worker.labels).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section title={t.labels}>
      {labels.length === 0 ? (
        <Text size="sm">{t.noLabels}</Text>
      ) : (
        <ScrollTable minWidth={420}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.key}</Table.Th>
                <Table.Th>{t.value}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {labels.map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Code>{key}</Code>
                  </Table.Td>
                  <Table.Td>{value ? <Code>{value}</Code> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t.taints}
      </Title>
      {worker.taints.length === 0 ? (
        <Text size="sm">{t.noTaints}</Text>
      ) : (
        <ScrollTable minWidth={420}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.key}</Table.Th>
                <Table.Th>{t.value}</Table.Th>
                <Table.Th>{t.effect}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {worker.taints.map((taint) => (
                <Table.Tr key={`${taint.key}:${taint.effect}`}>
                  <Table.Td>
                    <Code>{taint.key}</Code>
                  </Table.Td>
                  <Table.Td>{taint.value ?? '—'}</Table.Td>
                  <Table.Td>{taint.effect}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

/** The kubelet's conditions (Ready, pressures). */
export function WorkerConditionsCard({ worker }: { worker: Worker }) {
  const t = useMessages(workerDetailMessages);
  const f = useClusterFormat();
  return (
    <Section title={t.conditions}>
      {worker.conditions.length === 0 ? (
        <Text size="sm">{t.noConditions}</Text>
      ) : (
        <ScrollTable minWidth={640}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.type}</Table.Th>
                <Table.Th>{t.status}</Table.Th>
                <Table.Th>{t.reason}</Table.Th>
                <Table.Th>{t.message}</Table.Th>
                <Table.Th>{t.since}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {worker.conditions.map((condition) => (
                <Table.Tr key={condition.type}>
                  <Table.Td fw={500}>{condition.type}</Table.Td>
                  <Table.Td>{condition.status}</Table.Td>
                  <Table.Td>{condition.reason ?? '—'}</Table.Td>
                  <Table.Td>{condition.message ?? '—'}</Table.Td>
                  <Table.Td>{f.dateTime(condition.lastTransitionTime)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}
