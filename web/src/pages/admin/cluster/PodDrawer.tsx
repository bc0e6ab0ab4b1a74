import { Anchor, Code, Drawer, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { StatusBadge } from '../../../components/StatusBadge';
import { common } from '../../../i18n/common';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { PodActions } from './PodActions';
import { podDetailMessages } from './pod-messages';
import { keys, podQuery } from './queries';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children ?? '—'}
      </Text>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function objectName(object: Record<string, unknown>): string {
  const metadata = object.metadata as { name?: string } | undefined;
  return `${String(object.kind ?? '?')}/${metadata?.name ?? '?'}`;
}

function PodDetail({ pod }: { pod: Schemas['AdminPodDetail'] }) {
  const t = useMessages(podDetailMessages);
  const c = useMessages(common);
  const f = useClusterFormat();
  const yesNo = (v: boolean) => (v ? c.yes : c.no);
  const { subscription, plan, worker } = pod;
  return (
    <Stack gap="lg">
      <PodActions pod={pod} />
      <Section title={t.runtime}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t.status}>
            <StatusBadge status={pod.status} />
          </Fact>
          <Fact label={t.url}>
            <Anchor href={pod.url} target="_blank" rel="noreferrer" size="sm">
              {pod.url}
            </Anchor>
          </Fact>
          <Fact label={t.namespace}>
            <Code>{pod.namespace}</Code>
          </Fact>
          <Fact label={t.workload}>
            <Code>
              {pod.workloadKind}/{pod.workloadName}
            </Code>
          </Fact>
          <Fact label={t.replicas}>
            {pod.readyReplicas} / {pod.availableReplicas} / {pod.desiredReplicas}
          </Fact>
          <Fact label={t.restarts}>{f.number(pod.restarts)}</Fact>
          <Fact label={t.created}>{f.dateTime(pod.createdAt)}</Fact>
          <Fact label={t.runningSince}>{f.dateTime(pod.runningSince)}</Fact>
          <Fact label={t.lastRestart}>{f.dateTime(pod.lastRestartAt)}</Fact>
          <Fact label={t.lastObserved}>{f.dateTime(pod.lastObservedAt)}</Fact>
          {pod.adminStoppedAt && <Fact label={t.adminStopped}>{f.dateTime(pod.adminStoppedAt)}</Fact>}
        </SimpleGrid>
        {pod.lastError && (
          <Fact label={t.lastError}>
            <Code block>{pod.lastError}</Code>
          </Fact>
        )}
      </Section>
      <Section title={t.subscription}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t.name}>{subscription.name}</Fact>
          <Fact label={t.status}>
            <StatusBadge status={subscription.status} />
          </Fact>
          <Fact label={t.host}>{subscription.host}</Fact>
          <Fact label={t.period}>
            {f.date(subscription.periodStart)} – {f.date(subscription.periodEnd)}
          </Fact>
          <Fact label={t.autoRenew}>{yesNo(subscription.autoRenew)}</Fact>
          <Fact label={t.cancelAtEnd}>{yesNo(subscription.cancelAtPeriodEnd)}</Fact>
          {subscription.suspendedAt && <Fact label={t.suspendedAt}>{f.dateTime(subscription.suspendedAt)}</Fact>}
          {subscription.endReason && <Fact label={t.endReason}>{subscription.endReason}</Fact>}
        </SimpleGrid>
      </Section>
      <Section title={t.owner}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t.name}>{pod.user.name}</Fact>
          <Fact label={t.email}>{pod.user.email}</Fact>
        </SimpleGrid>
      </Section>
      <Section title={t.plan}>
        {plan ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t.name}>
              {pod.service?.name ? `${pod.service.name} · ` : ''}
              {plan.name}
            </Fact>
            <Fact label={t.price}>{f.idr(plan.priceMonthlyIdr)}</Fact>
            <Fact label={t.cpu}>
              {f.cores(plan.cpuRequestMillicores)} / {f.cores(plan.cpuLimitMillicores)}
            </Fact>
            <Fact label={t.memory}>
              {f.mib(plan.memoryRequestMib)} / {f.mib(plan.memoryLimitMib)}
            </Fact>
            <Fact label={t.storage}>{f.number(plan.storageGib)} GiB</Fact>
          </SimpleGrid>
        ) : (
          <Text size="sm">{t.planDeleted}</Text>
        )}
      </Section>
      <Section title={t.node}>
        {!pod.node ? (
          <Text size="sm">{t.notScheduled}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t.name}>
              <Anchor component={Link} to={`/admin/workers/${encodeURIComponent(pod.node)}`} size="sm">
                {pod.node}
              </Anchor>
            </Fact>
            {worker ? (
              <>
                <Fact label={t.workerStatus}>
                  <StatusBadge status={worker.status} />
                </Fact>
                <Fact label={t.address}>{worker.internalIp ?? worker.externalIp}</Fact>
                <Fact label={t.heartbeat}>{f.dateTime(worker.lastHeartbeatAt)}</Fact>
              </>
            ) : (
              <Text size="sm">{t.unknownWorker}</Text>
            )}
          </SimpleGrid>
        )}
      </Section>
      <Section title={t.configuration}>
        {pod.configuration ? (
          <>
            <Text size="sm" c="dimmed">
              {t.configurationNote} {t.objects(pod.configuration.objects.length)}
            </Text>
            {pod.configuration.objects.map((object) => (
              <Stack gap={4} key={objectName(object)}>
                <Text size="sm" fw={600} ff="monospace">
                  {objectName(object)}
                </Text>
                <Code block data-testid="pod-configuration" tabIndex={0} mah={360} style={{ overflow: 'auto' }}>
                  {JSON.stringify(object, null, 2)}
                </Code>
              </Stack>
            ))}
          </>
        ) : (
          <Text size="sm">
            {t.noConfiguration}
            {pod.configurationUnavailable ? `: ${pod.configurationUnavailable}` : ''}
          </Text>
        )}
      </Section>
    </Stack>
  );
}

/** A pod's details over the list: subscription, owner, plan, worker, the rendered configuration, and actions. */
export function PodDrawer({ id, name, onClose }: { id: string | null; name?: string; onClose: () => void }) {
  const t = useMessages(podDetailMessages);
  const pod = useQuery({ ...podQuery(id ?? ''), enabled: id !== null });
  const title = pod.data?.subscription.name ?? name ?? '';
  // When the pod's status moves (polled while it settles), the list and the counts behind the drawer follow.
  const queryClient = useQueryClient();
  const status = pod.data?.status;
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: [...keys.pods, 'list'] });
    if (status) void queryClient.invalidateQueries({ queryKey: [...keys.pods, 'stats'] });
  }, [status, queryClient]);
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={t.title(title)}>
      {id !== null && <QueryState query={pod}>{(data) => <PodDetail pod={data} />}</QueryState>}
    </Drawer>
  );
}
