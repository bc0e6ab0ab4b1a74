import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useApiMutation } from '../../../components/mutations';
import { QueryState } from '../../../components/QueryState';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n/i18n';
import { keys, podsOnWorkerQuery } from './queries';
import { drainMessages } from './worker-detail-messages';

const LIVE = new Set(['ACTIVE', 'SUSPENDED', 'CANCELLED']);

interface Tenant {
  email: string;
  name: string;
  pods: Schemas['AdminPod'][];
  mailed: boolean;
}

/** The pods on the worker, by owner: a customer is mailed when one of their subscriptions there is live. */
function byOwner(pods: Schemas['AdminPod'][]): Tenant[] {
  const tenants = new Map<string, Tenant>();
  for (const pod of pods) {
    const tenant = tenants.get(pod.user.id) ?? { email: pod.user.email, name: pod.user.name, pods: [], mailed: false };
    tenant.pods.push(pod);
    tenant.mailed ||= LIVE.has(pod.subscription.status);
    tenants.set(pod.user.id, tenant);
  }
  return [...tenants.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * Drain's confirmation: who is affected (the apps on the worker, grouped by owner email) and that they will be
 * mailed, then "Drain now" (202: the drain runs in the background; its progress shows on the page).
 */
export function DrainModal({
  worker,
  opened,
  onClose,
}: {
  worker: Schemas['WorkerDetail'];
  opened: boolean;
  onClose: () => void;
}) {
  const t = useMessages(drainMessages);
  const pods = useQuery({ ...podsOnWorkerQuery(worker.name), enabled: opened });
  const drain = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/workers/{id}/drain', { params: { path: { id: worker.id } } })),
    invalidates: [keys.workers],
    quiet: true,
    onSuccess: () => onClose(),
  });
  const close = () => {
    drain.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t.title(worker.name)}
      confirmLabel={t.drainNow}
      loading={drain.isPending}
      error={drain.error}
      onConfirm={() => drain.mutate()}
    >
      <Text size="sm">{t.intro}</Text>
      <Title order={3} size="h5">
        {t.affected}
      </Title>
      <QueryState query={pods}>
        {({ items, total }) => {
          const tenants = byOwner(items);
          const mailed = tenants.filter((tenant) => tenant.mailed).length;
          return (
            <Stack gap="sm" data-testid="drain-affected">
              {tenants.length === 0 ? (
                <Text size="sm">{t.noneAffected}</Text>
              ) : (
                <>
                  <List spacing="xs" size="sm" listStyleType="none" withPadding={false}>
                    {tenants.map((tenant) => (
                      <List.Item key={tenant.email}>
                        <Text size="sm" fw={600}>
                          {tenant.email}
                          {tenant.name ? (
                            <Text span size="sm" c="dimmed" fw={400}>
                              {' '}
                              ({tenant.name})
                            </Text>
                          ) : null}
                        </Text>
                        <List size="sm" withPadding>
                          {tenant.pods.map((pod) => (
                            <List.Item key={pod.id}>
                              <Group gap={6} wrap="wrap">
                                <Text size="sm">{pod.subscription.name}</Text>
                                <Text size="xs" c="dimmed">
                                  {pod.service?.name ?? '—'} · {pod.subscription.host}
                                </Text>
                                <StatusBadge status={pod.status} />
                                {!LIVE.has(pod.subscription.status) && (
                                  <Badge size="xs" variant="outline" color="gray">
                                    {t.ended}
                                  </Badge>
                                )}
                              </Group>
                            </List.Item>
                          ))}
                        </List>
                      </List.Item>
                    ))}
                  </List>
                  {total > items.length && <Text size="xs">{t.truncated(items.length, total)}</Text>}
                  <Text size="sm" fw={500}>
                    {mailed > 0 ? t.mailed(mailed) : t.noneAffected}
                  </Text>
                </>
              )}
              {worker.pods && (
                <Text size="xs" c="dimmed">
                  {t.clusterPods(worker.pods.length)}
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </ConfirmModal>
  );
}
