import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { api, call, type Schemas } from '../../../api/client';
import { useApiMutation } from '../../../components/mutations';
import { useMessages } from '../../../i18n/i18n';
import { DrainModal } from './DrainModal';
import { keys } from './queries';
import { workerDetailMessages } from './worker-detail-messages';

/**
 * Cordon or Uncordon (whichever applies: a cordoned worker offers Uncordon), and Drain (disabled while one
 * runs, and on a worker gone from the cluster).
 */
export function WorkerActions({ worker }: { worker: Schemas['WorkerDetail'] }) {
  const t = useMessages(workerDetailMessages);
  const [drainOpened, drainModal] = useDisclosure(false);
  const path = { params: { path: { id: worker.id } } };
  const cordon = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/workers/{id}/cordon', path)),
    invalidates: [keys.workers],
    success: t.cordoned,
  });
  const uncordon = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/admin/workers/{id}/uncordon', path)),
    invalidates: [keys.workers],
    success: t.uncordoned,
  });
  const gone = worker.goneAt !== null;
  const cordoned = worker.maintenance !== null || !worker.schedulable;
  const draining = worker.drain?.state === 'RUNNING';
  const busy = cordon.isPending || uncordon.isPending;
  return (
    <>
      {cordoned ? (
        <Button
          variant="default"
          onClick={() => uncordon.mutate()}
          loading={uncordon.isPending}
          disabled={gone || draining || busy}
        >
          {t.uncordon}
        </Button>
      ) : (
        <Button variant="default" onClick={() => cordon.mutate()} loading={cordon.isPending} disabled={gone || busy}>
          {t.cordon}
        </Button>
      )}
      <Button color="red" onClick={drainModal.open} disabled={gone || draining}>
        {t.drain}
      </Button>
      <DrainModal worker={worker} opened={drainOpened} onClose={drainModal.close} />
    </>
  );
}
