import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  RUNNING: 'green',
  ACTIVE: 'green',
  SUCCESS: 'green',
  SETTLEMENT: 'green',
  PAID: 'green',
  DONE: 'green',
  queued: 'blue',
  sending: 'blue',
  sent: 'green',
  completed: 'green',
  PENDING: 'yellow',
  PROVISIONING: 'blue',
  STARTING: 'blue',
  UPDATING: 'blue',
  MAINTENANCE: 'orange',
  DRAINING: 'orange',
  SUSPENDED: 'orange',
  GRACE: 'orange',
  STOPPED: 'gray',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
  INACTIVE: 'gray',
  TERMINATED: 'gray',
  FAILED: 'red',
  ERROR: 'red',
  NOT_READY: 'red',
  failed: 'red',
};

/**
 * A status word with a coloured dot that says whether it is fine (green), moving (blue/yellow), held (orange)
 * or broken (red). The word carries the meaning; the dot only helps the eye (and the text stays dark: AA contrast).
 */
export function StatusBadge({
  status,
  label,
}: {
  status: string | null | undefined;
  /** The word in the user's language (default: the status itself). */
  label?: string;
}) {
  const value = status ?? 'UNKNOWN';
  return (
    <Badge color={COLORS[value] ?? COLORS[value.toUpperCase()] ?? 'gray'} variant="dot" data-status={value}>
      {label ?? value.replaceAll('_', ' ')}
    </Badge>
  );
}
