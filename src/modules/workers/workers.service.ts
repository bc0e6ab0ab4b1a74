import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/http/listing.js';
import type { KubeClient } from '../../platform/kube/kube-client.js';
import {
  KubeError,
  KubeForbiddenError,
  KubeNotFoundError,
  KubeUnreachableError,
} from '../../platform/kube/kube-errors.js';
import type { Logger } from '../../platform/logger.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import type { Actor, AuditLog } from '../audit/index.js';
import { drainPod, loadByNode, nodeFacts } from './node-facts.js';
import { isOnline, onlineSince, type WorkerStatus } from './worker-status.js';
import type { workerJobs } from './workers.jobs.js';
import { NO_LOAD, workersRepository as repo, type WorkerFilters, type WorkerRow } from './workers.repository.js';
import { type DrainPod, emptyDrainProgress } from './workers.tables.js';

export interface WorkersSettings {
  heartbeatIntervalMs: number;
  /** How long a drain retries evictions a disruption budget refuses. */
  drainTimeoutMs: number;
  /** First wait between eviction rounds, doubling up to `drainBackoffMaxMs`. */
  drainBackoffMs?: number;
  drainBackoffMaxMs?: number;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ENDED = new Set(['Succeeded', 'Failed']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A worker as the API shows it: the row, its derived status, and whether its agent is online now. */
export function workerView(row: WorkerRow, now: Date, heartbeatIntervalMs: number) {
  const roles = Object.keys(row.labels)
    .filter((l) => l.startsWith('node-role.kubernetes.io/'))
    .map((l) => l.slice('node-role.kubernetes.io/'.length))
    .sort();
  return {
    id: row.id,
    name: row.name,
    status: row.status as WorkerStatus,
    online: isOnline(row.lastHeartbeatAt, now, heartbeatIntervalMs),
    ready: row.ready,
    schedulable: row.schedulable,
    roles,
    internalIp: row.internalIp,
    externalIp: row.externalIp,
    hostname: row.hostname,
    architecture: row.architecture,
    operatingSystem: row.operatingSystem,
    osImage: row.osImage,
    kernelVersion: row.kernelVersion,
    kubeletVersion: row.kubeletVersion,
    containerRuntime: row.containerRuntime,
    capacity: {
      cpuMillicores: row.capacityCpuMillicores,
      memoryMib: row.capacityMemoryMib,
      storageMib: row.capacityStorageMib,
      pods: row.capacityPods,
    },
    allocatable: {
      cpuMillicores: row.allocatableCpuMillicores,
      memoryMib: row.allocatableMemoryMib,
      storageMib: row.allocatableStorageMib,
      pods: row.allocatablePods,
    },
    requested: { cpuMillicores: row.requestedCpuMillicores, memoryMib: row.requestedMemoryMib },
    podCount: row.podCount,
    utilization: {
      cpuPercent: percent(row.requestedCpuMillicores, row.allocatableCpuMillicores),
      memoryPercent: percent(row.requestedMemoryMib, row.allocatableMemoryMib),
      podsPercent: percent(row.podCount, row.allocatablePods),
    },
    labels: row.labels,
    taints: row.taints,
    conditions: row.conditions,
    maintenance: row.maintenance
      ? { state: row.maintenance, by: row.maintenanceBy, since: iso(row.maintenanceSince) }
      : null,
    drain: row.drainState
      ? {
          state: row.drainState,
          startedAt: iso(row.drainStartedAt),
          finishedAt: iso(row.drainFinishedAt),
          ...(row.drainProgress ?? emptyDrainProgress()),
        }
      : null,
    agent: {
      lastHeartbeatAt: iso(row.lastHeartbeatAt),
      version: row.agentVersion,
      load: row.load1 === null ? null : { one: row.load1, five: row.load5 ?? 0, fifteen: row.load15 ?? 0 },
      cpuCount: row.cpuCount,
      disk: row.diskTotalBytes === null ? null : { usedBytes: row.diskUsedBytes ?? 0, totalBytes: row.diskTotalBytes },
      memory:
        row.memoryTotalBytes === null
          ? null
          : { usedBytes: row.memoryUsedBytes ?? 0, totalBytes: row.memoryTotalBytes },
      allocation: row.agentAllocation,
      allocationAt: iso(row.agentAllocationAt),
    },
    nodeCreatedAt: iso(row.nodeCreatedAt),
    lastSeenAt: iso(row.lastSeenAt),
    goneAt: iso(row.goneAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type WorkerView = ReturnType<typeof workerView>;

export interface HeartbeatInput {
  node: string;
  agentVersion: string;
  load: { one: number; five: number; fifteen: number };
  cpuCount?: number;
  disk: { usedBytes: number; totalBytes: number };
  memory?: { usedBytes: number; totalBytes: number };
}

/**
 * Workers for administrators and agents: reads from the workers table (kept by the node informer),
 * cordon / uncordon / drain / sync on the cluster (audited), heartbeats and allocation from agents.
 */
export function createWorkersService(deps: {
  database: Database;
  kube: KubeClient;
  clock: Clock;
  logger: Logger;
  jobs: Pick<JobProducer<typeof workerJobs>, 'enqueue'>;
  audit: () => Pick<AuditLog, 'record'>;
  settings: WorkersSettings;
  /** The owners of subscriptions, for the maintenance mails: subscription id → user id (unknown ids absent). */
  ownersOf: (subscriptionIds: string[]) => Promise<Map<string, string>>;
}) {
  const { kube, clock, settings, logger } = deps;
  const db = deps.database.db;
  const view = (row: WorkerRow) => workerView(row, clock.now(), settings.heartbeatIntervalMs);

  /**
   * Audits an operation around its side effect: the request is recorded before the cluster is touched,
   * then what came of it (done, with its outcome, or failed, with the reason).
   */
  async function audited<T>(
    actor: Actor,
    target: string,
    verb: { requested: string; done: string },
    work: () => Promise<T>,
    outcome: (result: T) => Record<string, unknown> = () => ({}),
  ): Promise<T> {
    const entry = { actorId: actor.id, targetType: 'worker', targetId: target, ip: actor.ip };
    await deps.audit().record({ ...entry, action: `admin.worker.${verb.requested}` });
    try {
      const result = await work();
      await deps.audit().record({ ...entry, action: `admin.worker.${verb.done}`, details: outcome(result) });
      return result;
    } catch (err) {
      const reason = err instanceof AppError ? err.message : 'the Kubernetes API refused or did not answer';
      await deps.audit().record({ ...entry, action: `admin.worker.${verb.requested}_failed`, details: { reason } });
      throw err;
    }
  }

  /**
   * The worker's node name: a known row by id or name, else (a name only) the node itself, if the API
   * server has it. A worker that does not exist is a 404 before anything is audited or touched.
   */
  async function nodeNameOf(idOrName: string): Promise<string> {
    const row = await repo.find(db, idOrName);
    if (row && !row.goneAt) return row.name;
    if (row?.goneAt || UUID.test(idOrName)) throw notFound('Worker');
    try {
      await kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: idOrName });
    } catch (err) {
      if (err instanceof KubeNotFoundError) throw notFound('Worker');
      throw err;
    }
    return idOrName;
  }

  async function patchSchedulable(name: string, schedulable: boolean): Promise<V1Node> {
    try {
      return await kube.patchNode(name, { spec: { unschedulable: schedulable ? null : true } });
    } catch (err) {
      if (err instanceof KubeNotFoundError) throw notFound('Worker');
      throw err;
    }
  }

  async function setSchedulable(actor: Actor, name: string, schedulable: boolean) {
    const node = await patchSchedulable(name, schedulable);
    const now = clock.now();
    const row = await deps.database.transaction(async (tx) => {
      const existing = await repo.findByName(tx, name);
      await repo.upsertFacts(tx, nodeFacts(node), now, existing ? undefined : NO_LOAD);
      return repo.setMaintenance(
        tx,
        name,
        schedulable ? { state: null, by: null, since: null } : { state: 'CORDONED', by: actor.id, since: now },
      );
    });
    return view(row!);
  }

  async function sync() {
    const [nodes, pods] = await Promise.all([kube.list<V1Node>('v1', 'Node'), kube.list<V1Pod>('v1', 'Pod')]);
    const loads = loadByNode(pods);
    const now = clock.now();
    const names: string[] = [];
    for (const node of nodes) {
      const facts = nodeFacts(node);
      names.push(facts.name);
      await repo.upsertFacts(db, facts, now, loads.get(facts.name) ?? NO_LOAD);
    }
    const gone = await repo.markGoneExcept(db, names, now);
    return {
      workers: names.length,
      pods: pods.filter((p) => p.spec?.nodeName && !ENDED.has(p.status?.phase ?? '')).length,
      gone,
      syncedAt: now.toISOString(),
    };
  }

  async function stats() {
    const s = await repo.stats(db, onlineSince(clock.now(), settings.heartbeatIntervalMs));
    const n = (v: string | number) => Number(v);
    const allocatable = {
      cpuMillicores: n(s.allocatableCpu),
      memoryMib: n(s.allocatableMemory),
      storageMib: n(s.allocatableStorage),
      pods: n(s.allocatablePods),
    };
    const requested = { cpuMillicores: n(s.requestedCpu), memoryMib: n(s.requestedMemory) };
    return {
      total: s.total,
      gone: s.gone,
      byStatus: {
        ACTIVE: s.active,
        INACTIVE: s.inactive,
        MAINTENANCE: s.maintenance,
        PENDING: s.pending,
        NOT_READY: s.notReady,
      },
      schedulable: s.schedulable,
      cordoned: s.total - s.schedulable,
      agents: { online: s.online, offline: s.offline, never: s.noAgent },
      pods: n(s.pods),
      capacity: {
        cpuMillicores: n(s.capacityCpu),
        memoryMib: n(s.capacityMemory),
        storageMib: n(s.capacityStorage),
        pods: n(s.capacityPods),
      },
      allocatable,
      requested,
      utilization: {
        cpuPercent: percent(requested.cpuMillicores, allocatable.cpuMillicores),
        memoryPercent: percent(requested.memoryMib, allocatable.memoryMib),
        podsPercent: percent(n(s.pods), allocatable.pods),
      },
    };
  }

  /** Tells each affected customer once per drain (the job id), before the first eviction. */
  async function notifyCustomers(row: WorkerRow, toEvict: DrainPod[]): Promise<string[]> {
    const subscriptionIds = [
      ...new Set(toEvict.map((p) => p.subscriptionId).filter((id): id is string => !!id && UUID.test(id))),
    ];
    const owners = await deps.ownersOf(subscriptionIds);
    const byUser = new Map<string, string[]>();
    for (const [subscriptionId, userId] of owners) byUser.set(userId, [...(byUser.get(userId) ?? []), subscriptionId]);
    const drain = row.drainStartedAt!.getTime();
    for (const [userId, ids] of byUser) {
      await deps.jobs.enqueue(
        'workers.maintenance-mail',
        { workerName: row.name, userId, subscriptionIds: ids.sort() },
        { jobId: `maintenance-${row.id}-${drain}-${userId}` },
      );
    }
    return [...owners.keys()].sort();
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const budgetRefused = (err: unknown) => err instanceof KubeError && err.status === 429;

  /** The drain job: see workers.jobs.ts. Returns what it did (the job's result). */
  async function runDrain(workerId: string, startedAt: string) {
    const row = await repo.find(db, workerId);
    if (!row) return { ran: false, reason: 'worker deleted' };
    if (row.drainState !== 'RUNNING' || row.drainStartedAt?.toISOString() !== startedAt)
      return { ran: false, reason: 'not the running drain' };
    const progress = emptyDrainProgress();
    const save = () => repo.saveDrainProgress(db, row.id, progress);
    try {
      await patchSchedulable(row.name, false);
      const pods = await kube.list<V1Pod>('v1', 'Pod', { fieldSelector: `spec.nodeName=${row.name}` });
      let pending: DrainPod[] = [];
      for (const pod of pods) {
        const p = drainPod(pod);
        const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
        if (owner?.kind === 'DaemonSet') progress.skipped.push({ ...p, reason: 'managed by a DaemonSet' });
        else if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'])
          progress.skipped.push({ ...p, reason: 'static (mirror) pod' });
        else if (ENDED.has(pod.status?.phase ?? ''))
          progress.skipped.push({ ...p, reason: `already ${pod.status!.phase!.toLowerCase()}` });
        else pending.push(p);
      }
      progress.total = pods.length;
      progress.notifiedSubscriptions = await notifyCustomers(row, pending);
      await save();

      const deadline = performance.now() + settings.drainTimeoutMs;
      let delay = settings.drainBackoffMs ?? 1_000;
      while (pending.length > 0) {
        const refused: DrainPod[] = [];
        for (const pod of pending) {
          try {
            await kube.evictPod(pod.namespace, pod.name);
            progress.evicted.push(pod);
          } catch (err) {
            if (err instanceof KubeNotFoundError)
              progress.evicted.push(pod); // gone meanwhile: nothing to evict
            else if (budgetRefused(err)) refused.push({ ...pod, reason: (err as Error).message });
            // An API server that does not answer (or refuses Kapal itself) would fail every other pod too.
            else if (err instanceof KubeUnreachableError || err instanceof KubeForbiddenError) throw err;
            else progress.failed.push({ ...pod, reason: err instanceof Error ? err.message : String(err) });
          }
        }
        progress.waiting = refused;
        await save();
        pending = refused;
        if (pending.length === 0) break;
        if (performance.now() + delay > deadline) {
          const seconds = Math.round(settings.drainTimeoutMs / 1000);
          progress.failed.push(
            ...pending.map((p) => ({
              ...p,
              reason: `a disruption budget still refused the eviction after ${seconds} s (${p.reason})`,
            })),
          );
          progress.waiting = [];
          break;
        }
        await sleep(delay);
        delay = Math.min(delay * 2, settings.drainBackoffMaxMs ?? 15_000);
      }
    } catch (err) {
      progress.error = err instanceof Error ? err.message : String(err);
      logger.warn({ err, worker: row.name }, 'drain failed');
    }
    const state = progress.failed.length > 0 || progress.error ? 'FAILED' : 'DONE';
    await repo.finishDrain(db, row.id, { state, progress, now: clock.now() });
    await deps.audit().record({
      actorId: row.maintenanceBy,
      action: state === 'DONE' ? 'admin.worker.drained' : 'admin.worker.drain_failed',
      targetType: 'worker',
      targetId: row.name,
      details: {
        evicted: progress.evicted.length,
        skipped: progress.skipped.length,
        failed: progress.failed.length,
        notifiedSubscriptions: progress.notifiedSubscriptions.length,
        ...(progress.error ? { reason: progress.error } : {}),
      },
    });
    return { ran: true, state, evicted: progress.evicted.length, failed: progress.failed.length };
  }

  return {
    async list(query: Omit<WorkerFilters, 'onlineSince' | 'search'> & { q?: string }) {
      const { rows, total } = await repo.list(db, {
        ...query,
        search: query.q,
        onlineSince: onlineSince(clock.now(), settings.heartbeatIntervalMs),
      });
      return toPage(rows.map(view), total, query);
    },

    /** One worker by id or node name, with the pods the cluster shows on it now (one list call, bounded by the node). */
    async get(idOrName: string) {
      const row = await repo.find(db, idOrName);
      if (!row) throw notFound('Worker');
      let pods: (ReturnType<typeof drainPod> & { phase: string })[] | null = null;
      if (!row.goneAt) {
        try {
          const list = await kube.list<V1Pod>('v1', 'Pod', { fieldSelector: `spec.nodeName=${row.name}` });
          pods = list.map((p) => ({ ...drainPod(p), phase: p.status?.phase ?? 'Unknown' }));
        } catch (err) {
          logger.warn({ err, worker: row.name }, 'pods of the worker not listed');
        }
      }
      return { ...view(row), pods };
    },

    stats,

    sync: (actor: Actor) =>
      audited(actor, 'all', { requested: 'sync', done: 'synced' }, sync, (r) => ({ workers: r.workers, gone: r.gone })),

    cordon: async (actor: Actor, idOrName: string) => {
      const name = await nodeNameOf(idOrName);
      return audited(actor, idOrName, { requested: 'cordon', done: 'cordoned' }, () =>
        setSchedulable(actor, name, false),
      );
    },
    uncordon: async (actor: Actor, idOrName: string) => {
      const name = await nodeNameOf(idOrName);
      return audited(actor, idOrName, { requested: 'uncordon', done: 'uncordoned' }, () =>
        setSchedulable(actor, name, true),
      );
    },

    /**
     * Starts a drain: cordons the worker at once, records the drain as RUNNING and leaves the evictions to
     * the `workers.drain` job; its progress shows in GET /admin/workers/{id}. 409 while one runs.
     */
    drain: async (actor: Actor, idOrName: string) => {
      const name = await nodeNameOf(idOrName);
      return audited(
        actor,
        idOrName,
        { requested: 'drain', done: 'drain_started' },
        async () => {
          const node = await patchSchedulable(name, false);
          const now = clock.now();
          const row = await deps.database.transaction(async (tx) => {
            const existing = await repo.findByName(tx, name);
            await repo.upsertFacts(tx, nodeFacts(node), now, existing ? undefined : NO_LOAD);
            const started = await repo.startDrain(tx, name, actor.id, now);
            if (!started) throw conflict('A drain of this worker is already running');
            return started;
          });
          await deps.jobs.enqueue(
            'workers.drain',
            { workerId: row.id, startedAt: now.toISOString() },
            { jobId: `drain-${row.id}-${now.getTime()}` },
          );
          return view(row);
        },
        (w) => ({ workerId: w.id }),
      );
    },

    runDrain,

    async heartbeat(input: HeartbeatInput) {
      const row = await repo.recordHeartbeat(
        db,
        input.node,
        {
          agentVersion: input.agentVersion,
          load1: input.load.one,
          load5: input.load.five,
          load15: input.load.fifteen,
          cpuCount: input.cpuCount ?? null,
          diskUsedBytes: input.disk.usedBytes,
          diskTotalBytes: input.disk.totalBytes,
          memoryUsedBytes: input.memory?.usedBytes ?? null,
          memoryTotalBytes: input.memory?.totalBytes ?? null,
        },
        clock.now(),
      );
      if (!row) throw notFound('Worker');
      return {
        worker: row.name,
        status: row.status as WorkerStatus,
        receivedAt: row.lastHeartbeatAt!.toISOString(),
        intervalSeconds: Math.round(settings.heartbeatIntervalMs / 1000),
      };
    },

    async allocation(name: string, allocation: Record<string, unknown>) {
      const row = await repo.recordAllocation(db, name, allocation, clock.now());
      if (!row) throw notFound('Worker');
      return { worker: row.name, receivedAt: row.agentAllocationAt!.toISOString() };
    },

    /** For the gauges: present workers by status, and agents online / offline (never-seen agents left out). */
    async gauges() {
      const [byStatus, agents] = await Promise.all([
        repo.countByStatus(db),
        repo.agentCounts(db, onlineSince(clock.now(), settings.heartbeatIntervalMs)),
      ]);
      return { byStatus, agents };
    },
  };
}

export type WorkersService = ReturnType<typeof createWorkersService>;
