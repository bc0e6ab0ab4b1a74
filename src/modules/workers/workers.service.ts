import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { AppError, notFound } from '../../platform/errors.js';
import type { KubeClient } from '../../platform/kube/kube-client.js';
import { KubeForbiddenError, KubeNotFoundError, KubeUnreachableError } from '../../platform/kube/kube-errors.js';
import { parseQuantity, toMebibytes, toMillicores } from '../../platform/kube/quantity.js';
import type { Actor, AuditLog } from '../audit/index.js';

export type WorkerStatus = 'READY' | 'NOT_READY' | 'UNKNOWN';

interface Resources {
  cpuMillicores: number;
  memoryMib: number;
  pods: number;
}

export interface WorkerPod {
  namespace: string;
  name: string;
  phase: string;
  tenantId: string | null;
  subscriptionId: string | null;
}

/** A worker as operators see it: the node, what it offers, what is asked of it, whether it takes pods. */
export interface WorkerView {
  name: string;
  status: WorkerStatus;
  schedulable: boolean;
  roles: string[];
  internalIp: string | null;
  kubeletVersion: string | null;
  containerRuntime: string | null;
  os: string | null;
  architecture: string | null;
  capacity: Resources;
  allocatable: Resources;
  requested: Omit<Resources, 'pods'>;
  podCount: number;
  taints: { key: string; value: string | null; effect: string }[];
  labels: Record<string, string>;
  lastHeartbeatAt: string | null;
  createdAt: string | null;
}

export interface DrainResult {
  worker: string;
  evicted: WorkerPod[];
  skipped: (WorkerPod & { reason: string })[];
  failed: (WorkerPod & { reason: string })[];
}

const TERMINATED = new Set(['Succeeded', 'Failed']);

function resources(list: Record<string, string> | undefined): Resources {
  return {
    cpuMillicores: toMillicores(list?.cpu),
    memoryMib: toMebibytes(list?.memory),
    pods: list?.pods ? parseQuantity(list.pods) : 0,
  };
}

function statusOf(node: V1Node): WorkerStatus {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (!ready) return 'UNKNOWN';
  return ready.status === 'True' ? 'READY' : ready.status === 'False' ? 'NOT_READY' : 'UNKNOWN';
}

const podView = (pod: V1Pod): WorkerPod => ({
  namespace: pod.metadata?.namespace ?? '',
  name: pod.metadata?.name ?? '',
  phase: pod.status?.phase ?? 'Unknown',
  tenantId: pod.metadata?.labels?.['kapal.io/tenant'] ?? null,
  subscriptionId: pod.metadata?.labels?.['kapal.io/subscription'] ?? null,
});

/** The sum of the requests of a pod's containers, as the scheduler counts them. */
function podRequests(pod: V1Pod) {
  let cpuMillicores = 0;
  let memoryMib = 0;
  for (const container of pod.spec?.containers ?? []) {
    cpuMillicores += toMillicores(container.resources?.requests?.cpu);
    memoryMib += toMebibytes(container.resources?.requests?.memory);
  }
  return { cpuMillicores, memoryMib };
}

function toView(node: V1Node, pods: V1Pod[]): WorkerView {
  const running = pods.filter((p) => !TERMINATED.has(p.status?.phase ?? ''));
  const requested = running.reduce(
    (sum, pod) => {
      const r = podRequests(pod);
      return { cpuMillicores: sum.cpuMillicores + r.cpuMillicores, memoryMib: sum.memoryMib + r.memoryMib };
    },
    { cpuMillicores: 0, memoryMib: 0 },
  );
  const labels = node.metadata?.labels ?? {};
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const info = node.status?.nodeInfo;
  const heartbeat = ready?.lastHeartbeatTime as Date | string | undefined;
  const created = node.metadata?.creationTimestamp as Date | string | undefined;
  return {
    name: node.metadata!.name!,
    status: statusOf(node),
    schedulable: !node.spec?.unschedulable,
    roles: Object.keys(labels)
      .filter((l) => l.startsWith('node-role.kubernetes.io/'))
      .map((l) => l.slice('node-role.kubernetes.io/'.length))
      .sort(),
    internalIp: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? null,
    kubeletVersion: info?.kubeletVersion ?? null,
    containerRuntime: info?.containerRuntimeVersion ?? null,
    os: info?.operatingSystem ?? null,
    architecture: info?.architecture ?? null,
    capacity: resources(node.status?.capacity),
    allocatable: resources(node.status?.allocatable),
    requested,
    podCount: running.length,
    taints: (node.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? null, effect: t.effect })),
    labels,
    lastHeartbeatAt: heartbeat ? new Date(heartbeat).toISOString() : null,
    createdAt: created ? new Date(created).toISOString() : null,
  };
}

/**
 * The cluster's worker nodes, read live from the Kubernetes API (one list of nodes and one of pods per
 * call, never a call per node), and the operations on them: cordon, uncordon, drain.
 */
export function createWorkersService(deps: { kube: KubeClient; audit: Pick<AuditLog, 'record'> }) {
  const { kube } = deps;

  /**
   * Audits an operation on a worker around its side effect: the request is recorded before the cluster
   * is touched, then what came of it (done, with its outcome, or failed, with the reason), so a drain
   * that breaks halfway still leaves its trace.
   */
  async function audited<T>(
    actor: Actor,
    name: string,
    verb: { requested: string; done: string },
    work: () => Promise<T>,
    outcome: (result: T) => Record<string, unknown> = () => ({}),
  ): Promise<T> {
    const entry = { actorId: actor.id, targetType: 'worker', targetId: name, ip: actor.ip };
    await deps.audit.record({ ...entry, action: `admin.worker.${verb.requested}` });
    try {
      const result = await work();
      await deps.audit.record({ ...entry, action: `admin.worker.${verb.done}`, details: outcome(result) });
      return result;
    } catch (err) {
      const reason = err instanceof AppError ? err.message : 'the Kubernetes API refused or did not answer';
      await deps.audit.record({ ...entry, action: `admin.worker.${verb.requested}_failed`, details: { reason } });
      throw err;
    }
  }

  /** A node the API server does not know is a worker that does not exist: 404. */
  async function onWorker<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof KubeNotFoundError) throw notFound('Worker');
      throw err;
    }
  }

  const node = (name: string) => onWorker(() => kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name }));

  const podsOn = (name: string) => kube.list<V1Pod>('v1', 'Pod', { fieldSelector: `spec.nodeName=${name}` });

  const patchSchedulable = (name: string, schedulable: boolean) =>
    onWorker(() => kube.patchNode(name, { spec: { unschedulable: schedulable ? null : true } }));

  async function setSchedulable(name: string, schedulable: boolean): Promise<WorkerView> {
    const patched = await patchSchedulable(name, schedulable);
    return toView(patched, await podsOn(name));
  }

  async function list(): Promise<WorkerView[]> {
    const [nodes, pods] = await Promise.all([
      kube.list<V1Node>('v1', 'Node'),
      kube.list<V1Pod>('v1', 'Pod', { fieldSelector: 'spec.nodeName!=' }),
    ]);
    const byNode = new Map<string, V1Pod[]>();
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) continue;
      const onNode = byNode.get(nodeName);
      if (onNode) onNode.push(pod);
      else byNode.set(nodeName, [pod]);
    }
    return nodes
      .map((n) => toView(n, byNode.get(n.metadata!.name!) ?? []))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    list,

    async get(name: string): Promise<WorkerView & { pods: WorkerPod[] }> {
      const [found, pods] = await Promise.all([node(name), podsOn(name)]);
      return { ...toView(found, pods), pods: pods.map(podView) };
    },

    cordon: (actor: Actor, name: string) =>
      audited(actor, name, { requested: 'cordon', done: 'cordoned' }, () => setSchedulable(name, false)),
    uncordon: (actor: Actor, name: string) =>
      audited(actor, name, { requested: 'uncordon', done: 'uncordoned' }, () => setSchedulable(name, true)),

    /**
     * Cordons the worker, then evicts its pods through the Eviction API (so disruption budgets hold);
     * DaemonSet and mirror pods stay, as with `kubectl drain`. Each pod's outcome is reported.
     */
    drain: (actor: Actor, name: string) =>
      audited(
        actor,
        name,
        { requested: 'drain', done: 'drained' },
        () => drain(name),
        (result) => ({
          evicted: result.evicted.length,
          skipped: result.skipped.length,
          failed: result.failed.length,
        }),
      ),

    stats,
  };

  async function drain(name: string): Promise<DrainResult> {
    await patchSchedulable(name, false);
    const result: DrainResult = { worker: name, evicted: [], skipped: [], failed: [] };
    for (const pod of await podsOn(name)) {
      const view = podView(pod);
      const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
      if (owner?.kind === 'DaemonSet') {
        result.skipped.push({ ...view, reason: 'managed by a DaemonSet' });
      } else if (pod.metadata?.annotations?.['kubernetes.io/config.mirror']) {
        result.skipped.push({ ...view, reason: 'static (mirror) pod' });
      } else if (TERMINATED.has(view.phase)) {
        result.skipped.push({ ...view, reason: `already ${view.phase.toLowerCase()}` });
      } else {
        try {
          await kube.evictPod(view.namespace, view.name);
          result.evicted.push(view);
        } catch (err) {
          if (err instanceof KubeNotFoundError) continue; // gone meanwhile: nothing to evict
          // An API server that does not answer (or refuses Kapal itself) would fail every other pod too,
          // one request timeout each: stop at the first, so a drain is bounded by one timeout.
          if (err instanceof KubeUnreachableError || err instanceof KubeForbiddenError) throw err;
          if (!(err instanceof Error) || err instanceof AppError) throw err;
          result.failed.push({ ...view, reason: err.message });
        }
      }
    }
    return result;
  }

  async function stats() {
    const workers = await list();
    const sum = (pick: (w: WorkerView) => number) => workers.reduce((n, w) => n + pick(w), 0);
    const allocatableCpu = sum((w) => w.allocatable.cpuMillicores);
    const allocatableMemory = sum((w) => w.allocatable.memoryMib);
    const requestedCpu = sum((w) => w.requested.cpuMillicores);
    const requestedMemory = sum((w) => w.requested.memoryMib);
    const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
    return {
      total: workers.length,
      byStatus: {
        READY: workers.filter((w) => w.status === 'READY').length,
        NOT_READY: workers.filter((w) => w.status === 'NOT_READY').length,
        UNKNOWN: workers.filter((w) => w.status === 'UNKNOWN').length,
      },
      schedulable: workers.filter((w) => w.schedulable).length,
      cordoned: workers.filter((w) => !w.schedulable).length,
      pods: sum((w) => w.podCount),
      allocatable: {
        cpuMillicores: allocatableCpu,
        memoryMib: allocatableMemory,
        pods: sum((w) => w.allocatable.pods),
      },
      requested: { cpuMillicores: requestedCpu, memoryMib: requestedMemory },
      utilization: {
        cpuPercent: percent(requestedCpu, allocatableCpu),
        memoryPercent: percent(requestedMemory, allocatableMemory),
      },
    };
  }
}

export type WorkersService = ReturnType<typeof createWorkersService>;
