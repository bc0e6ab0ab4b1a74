import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useApiMutation } from '../../../components/mutations';
import { useMessages } from '../../../i18n/i18n';
import { liveKeys } from '../../../live/live-status';
import { appsMessages } from './messages';

/** "Restart", after a confirmation (POST /pods/{id}/restart, a rollout restart); only a running app. */
export function RestartPod({ pod }: { pod: Schemas['Pod'] }) {
  const t = useMessages(appsMessages);
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const restart = useApiMutation<void, Schemas['Pod']>({
    mutationFn: async () => {
      const view = await call(api.POST('/api/v1/pods/{id}/restart', { params: { path: { id: pod.id } } }));
      queryClient.setQueryData(liveKeys.pod(pod.id), view);
      return view;
    },
    invalidates: [liveKeys.pods, liveKeys.subscriptions],
    success: t.restarting,
    quiet: true,
    onSuccess: close,
  });
  const running = pod.status === 'RUNNING' || pod.status === 'DEGRADED';
  return (
    <>
      <Button onClick={open} disabled={!running} title={running ? undefined : t.restartOnlyRunning}>
        {t.restart}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => {
          restart.reset();
          close();
        }}
        title={t.restartTitle}
        confirmLabel={t.restartConfirm}
        color="blue"
        loading={restart.isPending}
        error={restart.error}
        onConfirm={() => restart.mutate()}
      >
        <Text size="sm">{t.restartText}</Text>
      </ConfirmModal>
    </>
  );
}
