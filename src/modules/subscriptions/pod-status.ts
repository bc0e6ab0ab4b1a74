import type { V1Deployment, V1Pod, V1StatefulSet } from '@kubernetes/client-node';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import type { KubeClient, Watch } from '../../platform/kube/kube-client.js';
import type { Logger } from '../../platform/logger.js';
import { LABELS } from '../templates/index.js';
import { isHeldAtZero } from './reconciler.js';
import { type PodRow, subscriptionsRepository as repo } from './subscriptions.repository.js';

type Workload = V1Deployment | V1StatefulSet;

/** What the informers saw of one subscription's workloads and Kubernetes pods. */
export interface Observation {
  /** Replicas wanted and available, over all the subscription's workloads (the app and its companions). */
  desired: number;
  available: number;
  ready: number;
  /** Every workload has caught up with its latest spec and has all its replicas available. */
  allAvailable: boolean;
  /** No workload of the subscription exists. */
  missing: boolean;
  /** The node of the app's (newest ready) Kubernetes pod. */
  node: string | null;
  restarts: number;
}

const MANAGED = `${LABELS.managedBy}=kapal`;

function workloadAvailable(w: Workload): { desired: number; available: number; ready: number; caughtUp: boolean } {
  const desired = w.spec?.replicas ?? 1;
  const status = w.status ?? {};
  const available = 'availableReplicas' in status ? (status.availableReplicas ?? 0) : 0;
  const ready = status.readyReplicas ?? 0;
  const observed = status.observedGeneration ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const caughtUp = observed >= (w.metadata?.generation ?? 0) && updated >= desired;
  return { desired, available, ready, caughtUp };
}

const isReady = (p: V1Pod) =>
  p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Pure: the observation of one subscription from the informers' caches. */
export function observe(workloads: Workload[], pods: V1Pod[]): Observation {
  let desired = 0;
  let available = 0;
  let ready = 0;
  let allAvailable = workloads.length > 0;
  for (const w of workloads) {
    const a = workloadAvailable(w);
    desired += a.desired;
    available += Math.min(a.available, a.desired);
    ready += Math.min(a.ready, a.desired);
    if (!a.caughtUp || a.available < a.desired) allAvailable = false;
  }
  const appPods = pods
    .filter((p) => p.metadata?.labels?.[LABELS.component] === 'app' && !p.metadata?.deletionTimestamp)
    .sort((a, b) => (b.metadata?.creationTimestamp?.valueOf() ?? 0) - (a.metadata?.creationTimestamp?.valueOf() ?? 0));
  const appPod = appPods.find(isReady) ?? appPods[0];
  const restarts = pods.reduce(
    (sum, p) => sum + (p.status?.containerStatuses ?? []).reduce((s, c) => s + (c.restartCount ?? 0), 0),
    0,
  );
  return {
    desired,
    available,
    ready,
    // The workload and pod informers are separate watches: a Deployment can report available before its
    // ready pod reached the pod cache. RUNNING waits for that pod, so it always comes with its node.
    allAvailable: allAvailable && desired > 0 && appPods.some(isReady),
    missing: workloads.length === 0,
    node: appPod?.spec?.nodeName ?? null,
    restarts,
  };
}

/**
 * The pod status an observation means, from the one recorded. FAILED and TERMINATED are final.
 * `heldAtZero`: suspended, or stopped by an administrator (STOPPED once nothing is available).
 */
export function nextStatus(current: PodRow['status'], o: Observation, heldAtZero: boolean): PodRow['status'] {
  if (current === 'FAILED' || current === 'TERMINATED') return current;
  if (heldAtZero) return o.available === 0 ? 'STOPPED' : current;
  if (o.allAvailable) return 'RUNNING';
  if (current === 'PROVISIONING') return 'PROVISIONING';
  return current === 'STOPPED' ? 'PROVISIONING' : 'DEGRADED';
}

export interface PodStatusWatcherDeps {
  kube: KubeClient;
  database: Pick<Database, 'db'>;
  clock: Clock;
  logger: Logger;
  /** The informers' resync period: every cached object is judged again this often. */
  resyncMs?: number;
  /** The pod became RUNNING for the first time (the service-ready mail). */
  onFirstRunning(subscriptionId: string): Promise<void>;
  /** Seconds from subscribing to the first RUNNING (kapal_subscription_time_to_running_seconds). */
  timeToRunning?: { observe(seconds: number): void };
  /** A workload of a live subscription vanished: reconcile it now rather than at the next pass. */
  onWorkloadDeleted(subscriptionId: string, resourceVersion: string): Promise<void>;
}

/**
 * Status comes back from the cluster, never from polling per request: one informer each on Kapal's
 * Deployments, StatefulSets and Pods across namespaces (with resync). Each event re-judges that
 * subscription from the caches and writes its pod row when something changed. Runs in the worker.
 */
export function createPodStatusWatcher(deps: PodStatusWatcherDeps) {
  const { kube, logger } = deps;
  const resyncMs = deps.resyncMs ?? 60_000;
  const watches: Watch<Workload | V1Pod>[] = [];
  const lastWritten = new Map<string, string>();
  const pending = new Map<string, Promise<void>>();
  const rerun = new Set<string>();
  let stopped = false;

  const subscriptionOf = (o: { metadata?: { labels?: Record<string, string> } }) =>
    o.metadata?.labels?.[LABELS.subscription];

  const bySubscription = <T extends Workload | V1Pod>(watch: Watch<T> | undefined, id: string) =>
    (watch?.list() ?? []).filter((o) => subscriptionOf(o) === id);

  let deployments: Watch<V1Deployment> | undefined;
  let statefulSets: Watch<V1StatefulSet> | undefined;
  let podWatch: Watch<V1Pod> | undefined;

  async function judge(subscriptionId: string) {
    const observation = observe(
      [...bySubscription(deployments, subscriptionId), ...bySubscription(statefulSets, subscriptionId)],
      bySubscription(podWatch, subscriptionId),
    );
    const target = await repo.findWithPod(deps.database.db, subscriptionId);
    if (!target) return;
    const { subscription, pod } = target;
    const status = nextStatus(pod.status, observation, isHeldAtZero(subscription, pod));
    const now = deps.clock.now();
    const values = {
      status,
      nodeName: observation.node ?? (status === 'RUNNING' ? pod.nodeName : null),
      restarts: observation.restarts,
      desiredReplicas: observation.desired,
      readyReplicas: observation.ready,
      availableReplicas: observation.available,
    };
    const key = JSON.stringify(values);
    if (lastWritten.get(subscriptionId) === key && pod.status === status) return;
    const becameRunning = status === 'RUNNING' && pod.status !== 'RUNNING';
    await repo.updatePod(deps.database.db, pod.id, {
      ...values,
      lastObservedAt: now,
      ...(becameRunning ? { runningSince: now, readyAt: pod.readyAt ?? now, lastError: null } : {}),
      ...(status === 'STOPPED' && pod.status !== 'STOPPED' ? { stoppedAt: now } : {}),
    });
    lastWritten.set(subscriptionId, key);
    if (becameRunning && !pod.readyAt) {
      deps.timeToRunning?.observe(Math.max(0, now.getTime() - subscription.createdAt.getTime()) / 1000);
    }
    if (becameRunning && !pod.readyMailedAt) await deps.onFirstRunning(subscriptionId);
  }

  /** One judgement at a time per subscription; events arriving meanwhile ask for one more afterwards. */
  function schedule(subscriptionId: string | undefined) {
    if (!subscriptionId || stopped) return;
    if (pending.has(subscriptionId)) {
      rerun.add(subscriptionId);
      return;
    }
    const run = judge(subscriptionId)
      .catch((err) => logger.warn({ err, subscriptionId }, 'pod status update failed'))
      .finally(() => {
        pending.delete(subscriptionId);
        if (rerun.delete(subscriptionId)) schedule(subscriptionId);
      });
    pending.set(subscriptionId, run);
  }

  const onError = (kind: string) => (err: Error) => logger.warn({ err, kind }, 'informer error; restarting');

  function onDeleted(o: Workload) {
    const id = subscriptionOf(o);
    schedule(id);
    if (id && !stopped)
      deps
        .onWorkloadDeleted(id, o.metadata?.resourceVersion ?? String(Date.now()))
        .catch((err) => logger.warn({ err, subscriptionId: id }, 'could not enqueue a repair'));
  }

  return {
    async start() {
      stopped = false;
      const workloadHandlers = {
        add: (o: Workload) => schedule(subscriptionOf(o)),
        update: (o: Workload) => schedule(subscriptionOf(o)),
        delete: onDeleted,
      };
      deployments = kube.watch<V1Deployment>(
        { apiVersion: 'apps/v1', kind: 'Deployment', labelSelector: MANAGED, resyncMs },
        { ...workloadHandlers, error: onError('Deployment') },
      );
      statefulSets = kube.watch<V1StatefulSet>(
        { apiVersion: 'apps/v1', kind: 'StatefulSet', labelSelector: MANAGED, resyncMs },
        { ...workloadHandlers, error: onError('StatefulSet') },
      );
      podWatch = kube.watch<V1Pod>(
        { apiVersion: 'v1', kind: 'Pod', labelSelector: MANAGED, resyncMs },
        {
          add: (o) => schedule(subscriptionOf(o)),
          update: (o) => schedule(subscriptionOf(o)),
          delete: (o) => schedule(subscriptionOf(o)),
          error: onError('Pod'),
        },
      );
      watches.push(deployments, statefulSets, podWatch);
      // The first list of each: a start before the API server answers is not fatal (the informer retries).
      await Promise.all(watches.map((w) => w.synced.catch((err) => logger.warn({ err }, 'informer not synced yet'))));
    },
    async stop() {
      stopped = true;
      await Promise.all(watches.splice(0).map((w) => w.stop()));
      await Promise.all(pending.values());
    },
  };
}

export type PodStatusWatcher = ReturnType<typeof createPodStatusWatcher>;
