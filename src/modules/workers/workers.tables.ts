import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Derived from the node and Kapal's own state, in this order (see `deriveWorkerStatus`): INACTIVE when
 * the node is gone from the cluster; MAINTENANCE while it is cordoned or being drained; PENDING before
 * the kubelet reported a Ready condition; NOT_READY while Ready is False or Unknown; else ACTIVE.
 */
export const workerStatus = pgEnum('worker_status', ['ACTIVE', 'INACTIVE', 'MAINTENANCE', 'PENDING', 'NOT_READY']);

/** Kapal's own maintenance state of a worker: cordoned by an administrator, or being drained. */
export const workerMaintenance = pgEnum('worker_maintenance', ['CORDONED', 'DRAINING']);

/** Where the last drain of a worker stands. */
export const drainState = pgEnum('worker_drain_state', ['RUNNING', 'DONE', 'FAILED']);

export interface WorkerTaint {
  key: string;
  value: string | null;
  effect: string;
}

export interface WorkerCondition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionTime: string | null;
}

export interface DrainPod {
  namespace: string;
  name: string;
  tenantId: string | null;
  subscriptionId: string | null;
  reason?: string;
}

/** A drain's progress as it goes: each pod of the worker, by what happened to it so far. */
export interface DrainProgress {
  total: number;
  evicted: DrainPod[];
  skipped: DrainPod[];
  /** Refused by a disruption budget so far, retried until the drain's timeout. */
  waiting: DrainPod[];
  failed: DrainPod[];
  /** The customers told before the first eviction (subscription ids the maintenance mail covers). */
  notifiedSubscriptions: string[];
  error: string | null;
}

/** The progress of a drain that has not looked at any pod yet. */
export const emptyDrainProgress = (): DrainProgress => ({
  total: 0,
  evicted: [],
  skipped: [],
  waiting: [],
  failed: [],
  notifiedSubscriptions: [],
  error: null,
});

/**
 * One row per cluster node Kapal has seen, kept current by the worker process's node and pod informers
 * (and `POST /admin/workers/sync`); a node that disappears keeps its row with `goneAt` set. Agents on the
 * machines add heartbeats (load, disk, memory) and what they see allocated.
 */
export const workers = pgTable(
  'workers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The Kubernetes node name. */
    name: text().notNull().unique(),
    /** The node object's uid: a node re-created under the same name gets a new one. */
    uid: text(),
    status: workerStatus().notNull().default('PENDING'),
    internalIp: text(),
    externalIp: text(),
    hostname: text(),
    architecture: text(),
    operatingSystem: text(),
    osImage: text(),
    kernelVersion: text(),
    kubeletVersion: text(),
    containerRuntime: text(),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    taints: jsonb().$type<WorkerTaint[]>().notNull().default([]),
    conditions: jsonb().$type<WorkerCondition[]>().notNull().default([]),
    capacityCpuMillicores: bigint({ mode: 'number' }).notNull().default(0),
    capacityMemoryMib: bigint({ mode: 'number' }).notNull().default(0),
    capacityStorageMib: bigint({ mode: 'number' }).notNull().default(0),
    capacityPods: integer().notNull().default(0),
    allocatableCpuMillicores: bigint({ mode: 'number' }).notNull().default(0),
    allocatableMemoryMib: bigint({ mode: 'number' }).notNull().default(0),
    allocatableStorageMib: bigint({ mode: 'number' }).notNull().default(0),
    allocatablePods: integer().notNull().default(0),
    /** The Ready condition is True. */
    ready: boolean().notNull().default(false),
    /** Not cordoned (`spec.unschedulable` unset). */
    schedulable: boolean().notNull().default(true),
    /** Summed over the pods bound to the node that have not ended, as the scheduler counts them. */
    requestedCpuMillicores: bigint({ mode: 'number' }).notNull().default(0),
    requestedMemoryMib: bigint({ mode: 'number' }).notNull().default(0),
    podCount: integer().notNull().default(0),
    /** When the node object was created in the cluster. */
    nodeCreatedAt: timestamp({ withTimezone: true }),
    /** When an informer or a sync last saw the node. */
    lastSeenAt: timestamp({ withTimezone: true }),
    /** Set when the node is no longer in the cluster; cleared if it comes back. */
    goneAt: timestamp({ withTimezone: true }),

    maintenance: workerMaintenance(),
    maintenanceBy: uuid(),
    maintenanceSince: timestamp({ withTimezone: true }),
    drainState: drainState(),
    drainStartedAt: timestamp({ withTimezone: true }),
    drainFinishedAt: timestamp({ withTimezone: true }),
    drainProgress: jsonb().$type<DrainProgress>(),

    /** What the machine's agent last reported (`POST /system/workers/heartbeat`). */
    lastHeartbeatAt: timestamp({ withTimezone: true }),
    agentVersion: text(),
    load1: doublePrecision(),
    load5: doublePrecision(),
    load15: doublePrecision(),
    cpuCount: integer(),
    diskUsedBytes: bigint({ mode: 'number' }),
    diskTotalBytes: bigint({ mode: 'number' }),
    memoryUsedBytes: bigint({ mode: 'number' }),
    memoryTotalBytes: bigint({ mode: 'number' }),
    /** What the agent sees allocated on the machine (`POST /system/workers/{name}/allocation`). */
    agentAllocation: jsonb().$type<Record<string, unknown>>(),
    agentAllocationAt: timestamp({ withTimezone: true }),

    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workers_status_idx').on(t.status),
    index('workers_present_idx').on(t.name).where(sql`${t.goneAt} is null`),
  ],
);
