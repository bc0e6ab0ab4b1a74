import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormat, useMessages } from '../../i18n/i18n';
import { liveKeys, useStatusRefetchInterval } from '../../live/live-status';
import { Facts } from './apps/Facts';
import { appsMessages } from './apps/messages';
import { isNotFound, NotFoundState } from './apps/NotFoundState';
import { PodEvents } from './apps/PodEvents';
import { PodLogs } from './apps/PodLogs';
import { RestartPod } from './apps/RestartPod';

/** /pods/:id: one app's pod (status live), restart, its log (tail or followed) and its Kubernetes events. */
export default function PodPage() {
  const t = useMessages(appsMessages);
  const { id = '' } = useParams();
  const pod = useQuery({
    queryKey: liveKeys.pod(id),
    queryFn: () => call(api.GET('/api/v1/pods/{id}', { params: { path: { id } } })),
    refetchInterval: useStatusRefetchInterval(),
  });
  if (pod.isError && isNotFound(pod.error)) {
    return <NotFoundState title={t.podNotFound} text={t.podNotFoundText} back={t.backToApps} />;
  }
  return <QueryState query={pod}>{(data) => <Pod pod={data} />}</QueryState>;
}

function Pod({ pod }: { pod: Schemas['Pod'] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  const r = pod.resources;
  const cores = (millicores: number) => f.number(millicores / 1000, { maximumFractionDigits: 2 });
  return (
    <>
      <Anchor component={Link} to={`/subscriptions/${pod.subscriptionId}`} size="sm">
        ← {pod.name}
      </Anchor>
      <PageHeader
        title={pod.name}
        description={`${t.pod} ${pod.workloadName}`}
        actions={
          <>
            <StatusBadge status={pod.status} />
            <RestartPod pod={pod} />
          </>
        }
      />
      <Stack gap="xl">
        {pod.lastError && (
          <Alert color="red" role="note" title={t.lastError}>
            {pod.lastError}
          </Alert>
        )}
        <section aria-labelledby="pod-details-heading">
          <Title order={2} size="h4" id="pod-details-heading" mb="sm">
            {t.pod}
          </Title>
          <Facts
            items={[
              {
                label: t.subscription,
                value: (
                  <Anchor component={Link} to={`/subscriptions/${pod.subscriptionId}`}>
                    {pod.name}
                  </Anchor>
                ),
              },
              {
                label: t.address,
                value: (
                  <Anchor href={pod.url} target="_blank" rel="noopener noreferrer">
                    {pod.url.replace(/^https?:\/\//, '')}
                  </Anchor>
                ),
              },
              { label: t.workload, value: `${pod.workloadKind}/${pod.workloadName}` },
              { label: t.namespace, value: pod.namespace },
              { label: t.node, value: pod.node ?? '—' },
              { label: t.ready, value: `${f.number(pod.readyReplicas)} / ${f.number(pod.desiredReplicas)}` },
              { label: t.restarts, value: f.number(pod.restarts) },
              { label: t.created, value: f.dateTime(pod.createdAt) },
              { label: t.runningSince, value: f.dateTime(pod.runningSince) },
              { label: t.lastRestart, value: f.dateTime(pod.lastRestartAt) },
              {
                label: t.resources,
                value: r ? (
                  <Text size="sm">
                    {t.cpu}: {t.cpuValue(cores(r.cpuRequestMillicores), cores(r.cpuLimitMillicores))}
                    <br />
                    {t.memory}: {t.memoryValue(f.number(r.memoryRequestMib), f.number(r.memoryLimitMib))}
                    <br />
                    {t.storage}: {t.storageValue(f.number(r.storageGib))}
                  </Text>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </section>
        <PodLogs key={pod.id} pod={pod} />
        <PodEvents podId={pod.id} />
      </Stack>
    </>
  );
}
