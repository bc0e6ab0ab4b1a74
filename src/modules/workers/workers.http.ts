import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/listing.js';
import { WORKER_STATUSES } from './worker-status.js';

export const workerStatus = z.enum(WORKER_STATUSES).meta({ id: 'WorkerStatus' });
const resources = z.object({
  cpuMillicores: z.number(),
  memoryMib: z.number(),
  storageMib: z.number(),
  pods: z.number(),
});
const requested = z.object({ cpuMillicores: z.number(), memoryMib: z.number() });
const drainPod = z.object({
  namespace: z.string(),
  name: z.string(),
  tenantId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  reason: z.string().optional(),
});
const usage = z.object({ usedBytes: z.number(), totalBytes: z.number() });

export const worker = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: workerStatus,
    online: z.boolean().describe('The agent reported within the last 3 heartbeat intervals'),
    ready: z.boolean(),
    schedulable: z.boolean(),
    roles: z.array(z.string()),
    internalIp: z.string().nullable(),
    externalIp: z.string().nullable(),
    hostname: z.string().nullable(),
    architecture: z.string().nullable(),
    operatingSystem: z.string().nullable(),
    osImage: z.string().nullable(),
    kernelVersion: z.string().nullable(),
    kubeletVersion: z.string().nullable(),
    containerRuntime: z.string().nullable(),
    capacity: resources,
    allocatable: resources,
    requested: requested.describe('Summed requests of the pods bound to the node that have not ended'),
    podCount: z.number().int(),
    utilization: z.object({ cpuPercent: z.number(), memoryPercent: z.number(), podsPercent: z.number() }),
    labels: z.record(z.string(), z.string()),
    taints: z.array(z.object({ key: z.string(), value: z.string().nullable(), effect: z.string() })),
    conditions: z.array(
      z.object({
        type: z.string(),
        status: z.string(),
        reason: z.string().nullable(),
        message: z.string().nullable(),
        lastTransitionTime: z.string().nullable(),
      }),
    ),
    maintenance: z
      .object({ state: z.enum(['CORDONED', 'DRAINING']), by: z.uuid().nullable(), since: z.iso.datetime().nullable() })
      .nullable(),
    drain: z
      .object({
        state: z.enum(['RUNNING', 'DONE', 'FAILED']),
        startedAt: z.iso.datetime().nullable(),
        finishedAt: z.iso.datetime().nullable(),
        total: z.number().int(),
        evicted: z.array(drainPod),
        skipped: z.array(drainPod),
        waiting: z.array(drainPod).describe('Refused by a disruption budget so far; retried until the drain timeout'),
        failed: z.array(drainPod),
        notifiedSubscriptions: z.array(z.string()),
        error: z.string().nullable(),
      })
      .nullable()
      .describe('The last drain and its progress'),
    agent: z.object({
      lastHeartbeatAt: z.iso.datetime().nullable(),
      version: z.string().nullable(),
      load: z.object({ one: z.number(), five: z.number(), fifteen: z.number() }).nullable(),
      cpuCount: z.number().int().nullable(),
      disk: usage.nullable(),
      memory: usage.nullable(),
      allocation: z.record(z.string(), z.unknown()).nullable(),
      allocationAt: z.iso.datetime().nullable(),
    }),
    nodeCreatedAt: z.iso.datetime().nullable(),
    lastSeenAt: z.iso.datetime().nullable(),
    goneAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Worker' });

export const workerDetail = worker
  .extend({
    pods: z
      .array(drainPod.omit({ reason: true }).extend({ phase: z.string() }))
      .nullable()
      .describe('The pods the cluster shows on the node now; null when the Kubernetes API did not answer'),
  })
  .meta({ id: 'WorkerDetail' });

export const workerPage = pageOf(worker).meta({ id: 'WorkerPage' });

export const workerListQuery = z.object({
  status: workerStatus.optional().describe('INACTIVE lists gone workers; without a status they are left out'),
  online: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name, IP or hostname, case-insensitive'),
  sort: z
    .enum(['name', '-name', 'status', '-status', 'createdAt', '-createdAt', 'podCount', '-podCount'])
    .default('name'),
  ...pageQuery,
});

const counts = z.object({
  ACTIVE: z.number().int(),
  INACTIVE: z.number().int(),
  MAINTENANCE: z.number().int(),
  PENDING: z.number().int(),
  NOT_READY: z.number().int(),
});

export const workerStats = z
  .object({
    total: z.number().int().describe('Workers in the cluster now (gone ones left out)'),
    gone: z.number().int(),
    byStatus: counts,
    schedulable: z.number().int(),
    cordoned: z.number().int(),
    agents: z.object({
      online: z.number().int(),
      offline: z.number().int().describe('Reported before, silent for 3 heartbeat intervals'),
      never: z.number().int().describe('No agent ever reported'),
    }),
    pods: z.number().int(),
    capacity: resources,
    allocatable: resources,
    requested,
    utilization: z.object({ cpuPercent: z.number(), memoryPercent: z.number(), podsPercent: z.number() }),
  })
  .meta({ id: 'WorkerStats' });

export const workerSyncResult = z
  .object({
    workers: z.number().int(),
    pods: z.number().int(),
    gone: z.array(z.string()).describe('Workers marked gone by this sync'),
    syncedAt: z.iso.datetime(),
  })
  .meta({ id: 'WorkerSyncResult' });

export const workerRef = z.object({
  id: z
    .string()
    .max(253, 'must be at most 253 characters')
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i, 'must be a worker id (UUID) or a node name')
    .describe("The worker's id or its node name"),
});
export const nodeNameParam = z.object({
  name: z
    .string()
    .max(253, 'must be at most 253 characters')
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a node name: lowercase letters, digits, "-" and "."'),
});

/** A load average: runnable processes, averaged; far above any machine's real figure at 100,000. */
const loadAverage = z.number().finite().min(0, 'must not be negative').max(100_000, 'must be at most 100000');
const bytes = z.number().int('must be a whole number of bytes').min(0, 'must not be negative');

export const heartbeatBody = z
  .object({
    node: nodeNameParam.shape.name,
    agentVersion: z.string().trim().min(1).max(64),
    load: z.object({ one: loadAverage, five: loadAverage, fifteen: loadAverage }),
    cpuCount: z.number().int().min(1).max(100_000).optional(),
    disk: z
      .object({ usedBytes: bytes, totalBytes: bytes })
      .refine((d) => d.usedBytes <= d.totalBytes, { message: 'usedBytes must not exceed totalBytes' }),
    memory: z
      .object({ usedBytes: bytes, totalBytes: bytes })
      .refine((d) => d.usedBytes <= d.totalBytes, { message: 'usedBytes must not exceed totalBytes' })
      .optional(),
  })
  .meta({ id: 'WorkerHeartbeat' });

export const heartbeatAnswer = z
  .object({
    worker: z.string(),
    status: workerStatus,
    receivedAt: z.iso.datetime(),
    intervalSeconds: z.number().int().describe('How often the agent should report'),
  })
  .meta({ id: 'WorkerHeartbeatAnswer' });

export const allocationBody = z
  .object({
    pods: z.number().int().min(0),
    containers: z.number().int().min(0).optional(),
    cpuMillicores: z.number().int().min(0).describe('Requested by what runs on the machine, as the agent sees it'),
    memoryBytes: bytes,
    storageBytes: bytes.optional(),
  })
  .meta({ id: 'WorkerAllocation' });

export const allocationAnswer = z
  .object({ worker: z.string(), receivedAt: z.iso.datetime() })
  .meta({ id: 'WorkerAllocationAnswer' });
