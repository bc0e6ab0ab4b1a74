import type { WorkerCondition } from './workers.tables.js';

export type WorkerStatus = 'ACTIVE' | 'INACTIVE' | 'MAINTENANCE' | 'PENDING' | 'NOT_READY';
export const WORKER_STATUSES = ['ACTIVE', 'INACTIVE', 'MAINTENANCE', 'PENDING', 'NOT_READY'] as const;

/** A worker whose agent was silent for this many heartbeat intervals is offline. */
export const OFFLINE_AFTER_INTERVALS = 3;

export interface StatusInputs {
  goneAt: Date | null;
  /** Kapal's own state: cordoned by an administrator, or being drained. */
  maintenance: 'CORDONED' | 'DRAINING' | null;
  /** `spec.unschedulable` unset. */
  schedulable: boolean;
  conditions: readonly Pick<WorkerCondition, 'type' | 'status'>[];
}

/**
 * A worker's status, first match wins:
 * INACTIVE     the node is gone from the cluster (its row is kept);
 * MAINTENANCE  Kapal cordoned or is draining it, or the node is cordoned (`kubectl cordon` is an admin too);
 * PENDING      the kubelet has not reported a Ready condition yet (a node that just joined);
 * NOT_READY    Ready is False or Unknown (the kubelet stopped reporting, or reports a problem);
 * ACTIVE       Ready is True and it takes pods.
 */
export function deriveWorkerStatus(w: StatusInputs): WorkerStatus {
  if (w.goneAt) return 'INACTIVE';
  if (w.maintenance || !w.schedulable) return 'MAINTENANCE';
  const ready = w.conditions.find((c) => c.type === 'Ready');
  if (!ready) return 'PENDING';
  return ready.status === 'True' ? 'ACTIVE' : 'NOT_READY';
}

/** Heartbeats at or after this instant count as online. */
export function onlineSince(now: Date, heartbeatIntervalMs: number): Date {
  return new Date(now.getTime() - OFFLINE_AFTER_INTERVALS * heartbeatIntervalMs);
}

/** Online: the agent reported within the last 3 heartbeat intervals (never reported: not online). */
export function isOnline(lastHeartbeatAt: Date | null, now: Date, heartbeatIntervalMs: number): boolean {
  return lastHeartbeatAt !== null && lastHeartbeatAt.getTime() >= onlineSince(now, heartbeatIntervalMs).getTime();
}
