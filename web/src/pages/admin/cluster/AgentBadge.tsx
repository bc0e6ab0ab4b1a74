import { Badge } from '@mantine/core';
import { useMessages } from '../../../i18n/i18n';
import { workerMessages } from './worker-messages';

/** Online (its agent reported within 3 intervals), offline (reported before, silent since) or no agent at all. */
export function AgentBadge({ online, lastHeartbeatAt }: { online: boolean; lastHeartbeatAt: string | null }) {
  const t = useMessages(workerMessages);
  const state = online ? 'online' : lastHeartbeatAt ? 'offline' : 'none';
  return (
    <Badge
      variant="outline"
      color={state === 'online' ? 'green' : state === 'offline' ? 'red' : 'gray'}
      data-agent={state}
    >
      {state === 'online' ? t.online : state === 'offline' ? t.offline : t.noAgent}
    </Badge>
  );
}
