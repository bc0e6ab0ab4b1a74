import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { api, call, type Schemas } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useApiMutation } from '../../../components/mutations';
import { useMessages } from '../../../i18n/i18n';
import { podDetailMessages } from './pod-messages';
import { keys } from './queries';

const LIVE = new Set(['ACTIVE', 'SUSPENDED', 'CANCELLED']);

/**
 * Stop (after a confirmation), Start and Restart, each enabled only when the API would take it: nothing on an
 * ended app; stop once it has run and is not stopped or suspended; start when an administrator stopped it;
 * restart while it runs. The API checks again and its refusal (409 with the reason) is shown.
 */
export function PodActions({ pod }: { pod: Schemas['AdminPodDetail'] }) {
  const t = useMessages(podDetailMessages);
  const [confirming, confirm] = useDisclosure(false);
  const path = { params: { path: { id: pod.id } } };
  const stop = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/pods/{id}/stop', path)),
    invalidates: [keys.pods],
    success: t.stopped,
    quiet: true,
    onSuccess: () => confirm.close(),
  });
  const start = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/pods/{id}/start', path)),
    invalidates: [keys.pods],
    success: t.started,
  });
  const restart = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/pods/{id}/restart', path)),
    invalidates: [keys.pods],
    success: t.restarted,
  });
  const live = LIVE.has(pod.subscription.status) && pod.status !== 'FAILED' && pod.status !== 'TERMINATED';
  const suspended = pod.subscription.status === 'SUSPENDED';
  const stopped = pod.adminStoppedAt !== null;
  const running = pod.status === 'RUNNING' || pod.status === 'DEGRADED';
  const canStop = live && !stopped && !suspended && pod.status !== 'STOPPED' && (running || pod.runningSince !== null);
  const busy = stop.isPending || start.isPending || restart.isPending;
  return (
    <>
      <Group gap="sm" wrap="wrap">
        <Button color="red" variant="light" disabled={!canStop || busy} onClick={confirm.open}>
          {t.stop}
        </Button>
        <Button
          variant="light"
          disabled={!live || !stopped || suspended || busy}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {t.start}
        </Button>
        <Button
          variant="light"
          disabled={!live || stopped || !running || busy}
          loading={restart.isPending}
          onClick={() => restart.mutate()}
        >
          {t.restart}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => {
          stop.reset();
          confirm.close();
        }}
        title={t.stopTitle(pod.subscription.name)}
        confirmLabel={t.stopConfirm}
        loading={stop.isPending}
        error={stop.error}
        onConfirm={() => stop.mutate()}
      >
        <Text size="sm">{t.stopBody(pod.user.email)}</Text>
      </ConfirmModal>
    </>
  );
}
