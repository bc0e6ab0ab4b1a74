import { LABELS } from '../templates/index.js';
import type { ProcessInformers } from './informer-state.js';
import type { ClusterSnapshot, OrphanReport } from './orphans.js';

/** The view stays bounded: this many namespaces, workloads per namespace, and rows of each diff list. */
export const DEBUG_LIMITS = { namespaces: 100, workloadsPerNamespace: 50, rows: 100 };

export interface DebugWorkload {
  kind: string;
  name: string;
  subscriptionId: string | null;
  component: string | null;
  desired: number;
  ready: number;
  available: number;
  /** `available` (all replicas), `progressing` (some missing), `scaled-down` (0 wanted), `deleting`. */
  status: 'available' | 'progressing' | 'scaled-down' | 'deleting';
}

export interface PodMismatch {
  podId: string;
  subscriptionId: string;
  namespace: string;
  workload: string;
  dbStatus: string;
  /** What the cluster shows: the workload's replicas, or null when it does not exist. */
  cluster: { desired: number; ready: number; available: number } | null;
  why: string;
}

const workloadStatus = (w: {
  deleting: boolean;
  replicas?: { desired: number; available: number };
}): DebugWorkload['status'] => {
  if (w.deleting) return 'deleting';
  const r = w.replicas ?? { desired: 0, available: 0 };
  if (r.desired === 0) return 'scaled-down';
  return r.available >= r.desired ? 'available' : 'progressing';
};

/**
 * Where the database's pod record and the workload disagree (the informers should have closed the gap):
 * RUNNING without all replicas available, STOPPED with replicas, PROVISIONING or DEGRADED while fully
 * available, a live pod whose workload is gone. Ended pods' leftovers are orphans, not listed here.
 */
export function podMismatches(snapshot: ClusterSnapshot): PodMismatch[] {
  const workloads = new Map(
    snapshot.managed
      .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
      .map((o) => [`${o.namespace}/${o.kind}/${o.name}`, o]),
  );
  const out: PodMismatch[] = [];
  for (const s of snapshot.subscriptions.values()) {
    const pod = s.pod;
    if (!s.live || !pod || pod.status === 'TERMINATED' || pod.status === 'FAILED') continue;
    const w = workloads.get(`${pod.namespace}/${pod.workloadKind}/${pod.workloadName}`);
    const cluster = w?.replicas ?? null;
    let why: string | null = null;
    if (!cluster) why = pod.status === 'PROVISIONING' ? null : 'the workload does not exist';
    else if (pod.status === 'RUNNING' && (cluster.desired === 0 || cluster.available < cluster.desired))
      why = 'RUNNING, but not every replica is available';
    else if (pod.status === 'STOPPED' && (cluster.desired > 0 || cluster.available > 0))
      why = 'STOPPED, but the workload has replicas';
    else if (
      (pod.status === 'PROVISIONING' || pod.status === 'DEGRADED') &&
      cluster.desired > 0 &&
      cluster.available >= cluster.desired
    )
      why = `${pod.status}, but every replica is available`;
    if (why)
      out.push({
        podId: pod.id,
        subscriptionId: s.id,
        namespace: pod.namespace,
        workload: `${pod.workloadKind}/${pod.workloadName}`,
        dbStatus: pod.status,
        cluster,
        why,
      });
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.workload.localeCompare(b.workload));
}

/** Pure: the debug view's cluster part from one scan (the API's reachability and informers come from elsewhere). */
export function debugClusterView(snapshot: ClusterSnapshot, report: OrphanReport) {
  const byNamespace = new Map<string, DebugWorkload[]>();
  for (const o of snapshot.managed) {
    if (o.kind !== 'Deployment' && o.kind !== 'StatefulSet') continue;
    const list = byNamespace.get(o.namespace) ?? [];
    list.push({
      kind: o.kind,
      name: o.name,
      subscriptionId: o.labels[LABELS.subscription] ?? null,
      component: o.labels[LABELS.component] ?? null,
      desired: o.replicas?.desired ?? 0,
      ready: o.replicas?.ready ?? 0,
      available: o.replicas?.available ?? 0,
      status: workloadStatus(o),
    });
    byNamespace.set(o.namespace, list);
  }
  const sorted = [...snapshot.namespaces].sort((a, b) => a.name.localeCompare(b.name));
  const namespaces = sorted.slice(0, DEBUG_LIMITS.namespaces).map((n) => {
    const workloads = (byNamespace.get(n.name) ?? []).sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
    );
    return {
      name: n.name,
      tenantId: n.labels[LABELS.tenant] ?? null,
      phase: n.phase,
      createdAt: n.createdAt?.toISOString() ?? null,
      workloadCount: workloads.length,
      workloads: workloads.slice(0, DEBUG_LIMITS.workloadsPerNamespace),
    };
  });
  const mismatches = podMismatches(snapshot);
  const orphanObjects = report.namespaces.flatMap((g) =>
    g.objects.map((o) => ({ namespace: g.namespace, kind: o.kind, name: o.name, reason: o.reason })),
  );
  const managedNames = new Set(snapshot.namespaces.map((n) => n.name));
  return {
    managedNamespaces: {
      total: snapshot.namespaces.length,
      workloads: [...byNamespace.entries()]
        .filter(([ns]) => managedNames.has(ns))
        .reduce((sum, [, list]) => sum + list.length, 0),
      items: namespaces,
      truncated: Math.max(0, snapshot.namespaces.length - namespaces.length),
    },
    diff: {
      orphans: report.counts,
      orphanObjects: orphanObjects.slice(0, DEBUG_LIMITS.rows),
      orphanNamespaces: report.namespaces
        .filter((g) => g.namespaceReason)
        .slice(0, DEBUG_LIMITS.rows)
        .map((g) => ({ namespace: g.namespace, reason: g.namespaceReason!, cleanup: g.namespaceCleanup })),
      liveWithoutObjects: report.liveWithoutObjects.slice(0, DEBUG_LIMITS.rows),
      podStatusMismatches: mismatches.slice(0, DEBUG_LIMITS.rows),
      podStatusMismatchCount: mismatches.length,
    },
  };
}

export type InformersView = { processes: ProcessInformers[]; error: string | null };
