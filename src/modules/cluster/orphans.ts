import type { DbExecutor } from '../../platform/db/db.js';
import type { KubeClient, KubernetesObject } from '../../platform/kube/kube-client.js';
import { LABELS } from '../templates/index.js';
import type { ClusterInventory, InventorySubscription } from './inventory.js';

const MANAGED_BY = 'kapal';
const MANAGED = `${LABELS.managedBy}=${MANAGED_BY}`;
const NOT_MANAGED = `${LABELS.managedBy}!=${MANAGED_BY}`;
const MANAGED_NAMESPACE = `${LABELS.legacyManaged}=true`;

/**
 * The kinds the scan lists cluster-wide, once each by Kapal's label. `unlabelled`: also once by the
 * absence of the label, to report objects someone put in a managed namespace by hand (the kinds an app
 * is made of; not RoleBindings or quotas, which only Kapal puts there).
 */
export const SCANNED_KINDS = [
  { apiVersion: 'apps/v1', kind: 'Deployment', unlabelled: true },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', unlabelled: true },
  { apiVersion: 'v1', kind: 'Service', unlabelled: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', unlabelled: true },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', unlabelled: true },
  { apiVersion: 'v1', kind: 'Secret', unlabelled: true },
  { apiVersion: 'v1', kind: 'ConfigMap', unlabelled: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', unlabelled: false },
  { apiVersion: 'v1', kind: 'ResourceQuota', unlabelled: false },
  { apiVersion: 'v1', kind: 'LimitRange', unlabelled: false },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', unlabelled: false },
] as const;

/** Kubernetes' list calls one scan makes: the managed namespaces, each kind by label, the app kinds unlabelled. */
export const SCAN_LIST_CALLS = 1 + SCANNED_KINDS.length + SCANNED_KINDS.filter((k) => k.unlabelled).length;

/**
 * Why an object is reported.
 * - `subscription-ended`: labelled with a subscription that is TERMINATED or FAILED in the database.
 * - `subscription-unknown`: labelled with a subscription id this database does not have (another
 *   installation's, a restored database's, or one not committed yet): deleted only with `includeUnknown`.
 * - `tenant-without-live-subscription`: a tenant's own object (namespace, quota, limits, policies, role
 *   bindings: Kapal's labels and the tenant's, no subscription's) of a tenant with subscriptions here, none live.
 * - `tenant-unknown`: the same for a tenant with no subscription at all in this database (`includeUnknown`).
 * - `unlabelled-in-managed-namespace`: an object without Kapal's labels in a managed namespace: reported,
 *   never deleted, and its namespace is kept.
 */
export type OrphanReason =
  | 'subscription-ended'
  | 'subscription-unknown'
  | 'tenant-without-live-subscription'
  | 'tenant-unknown'
  | 'unlabelled-in-managed-namespace';

/** What a confirmed cleanup does with it: deletes it, deletes it only with `includeUnknown`, or keeps it. */
export type CleanupAction = 'delete' | 'delete-with-include-unknown' | 'keep';

export interface ScannedObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  createdAt: Date | null;
  deleting: boolean;
  owned: boolean;
  /** Deployments and StatefulSets: replicas wanted, ready and available. */
  replicas?: { desired: number; ready: number; available: number };
  secretType?: string;
}

export interface ScannedNamespace {
  name: string;
  uid: string;
  labels: Record<string, string>;
  createdAt: Date | null;
  phase: string;
  /** Being deleted already (Terminating): not reported as an orphan. */
  deleting: boolean;
}

/** One scan of the cluster and the database. */
export interface ClusterSnapshot {
  namespaces: ScannedNamespace[];
  /** Objects with Kapal's label, every scanned kind, cluster-wide. */
  managed: ScannedObject[];
  /** Objects of the app kinds without Kapal's label, in managed namespaces only. */
  unlabelled: ScannedObject[];
  subscriptions: Map<string, InventorySubscription>;
  /** Users with at least one live subscription, and users with any subscription in this database. */
  tenantsWithLive: Set<string>;
  knownTenants: Set<string>;
  listCalls: number;
  scannedAt: Date;
}

export interface OrphanObject {
  kind: string;
  apiVersion: string;
  name: string;
  uid: string;
  subscriptionId: string | null;
  tenantId: string | null;
  reason: OrphanReason;
  cleanup: CleanupAction;
  createdAt: string | null;
  ageSeconds: number | null;
}

export interface OrphanNamespace {
  namespace: string;
  tenantId: string | null;
  /** The namespace itself is an orphan (its tenant has no live subscription here), and why. */
  namespaceReason: OrphanReason | null;
  /** What a confirmed cleanup does with the namespace (kept when it holds something that must stay). */
  namespaceCleanup: CleanupAction;
  namespaceUid: string | null;
  createdAt: string | null;
  ageSeconds: number | null;
  objects: OrphanObject[];
}

export interface LiveWithoutObjects {
  subscriptionId: string;
  tenantId: string;
  name: string;
  status: string;
  podStatus: string | null;
  namespace: string | null;
  /** `objects`: nothing of it in the cluster; `workload`: some objects, but no Deployment or StatefulSet. */
  missing: 'objects' | 'workload';
  createdAt: string;
  ageSeconds: number;
}

export interface OrphanReport {
  scannedAt: string;
  namespaces: OrphanNamespace[];
  liveWithoutObjects: LiveWithoutObjects[];
  counts: Record<OrphanReason, number> & { objects: number; namespaces: number; liveWithoutObjects: number };
  kubernetesListCalls: number;
}

type ListedObject = KubernetesObject & {
  spec?: { replicas?: number };
  status?: { readyReplicas?: number; availableReplicas?: number };
  type?: string;
};

const toObject = (o: ListedObject, apiVersion: string, kind: string) => {
  const m = o.metadata ?? {};
  const workload = kind === 'Deployment' || kind === 'StatefulSet';
  return {
    apiVersion,
    kind,
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    uid: m.uid ?? '',
    labels: m.labels ?? {},
    createdAt: m.creationTimestamp ? new Date(m.creationTimestamp) : null,
    deleting: Boolean(m.deletionTimestamp),
    owned: (m.ownerReferences ?? []).length > 0,
    replicas: workload
      ? {
          desired: o.spec?.replicas ?? 1,
          ready: o.status?.readyReplicas ?? 0,
          available: o.status?.availableReplicas ?? 0,
        }
      : undefined,
    secretType: kind === 'Secret' ? o.type : undefined,
  } satisfies ScannedObject;
};

/** Made by Kubernetes itself in every namespace: not someone's stray object. */
const isSystemObject = (o: ScannedObject) =>
  (o.kind === 'ConfigMap' && o.name === 'kube-root-ca.crt') ||
  (o.kind === 'Secret' && o.secretType === 'kubernetes.io/service-account-token');

/**
 * Reads the cluster and the database once: a fixed number of Kubernetes list calls (SCAN_LIST_CALLS,
 * whatever the number of objects; pages of 500 aside) and one SQL query.
 */
export async function scanCluster(deps: {
  kube: Pick<KubeClient, 'list'>;
  inventory: ClusterInventory;
  executor: DbExecutor;
  now: () => Date;
}): Promise<ClusterSnapshot> {
  const { kube } = deps;
  const [namespaceItems, managedLists, unlabelledLists] = await Promise.all([
    kube.list('v1', 'Namespace', { labelSelector: MANAGED_NAMESPACE }),
    Promise.all(
      SCANNED_KINDS.map(async (k) =>
        (await kube.list(k.apiVersion, k.kind, { labelSelector: MANAGED })).map((o) =>
          toObject(o, k.apiVersion, k.kind),
        ),
      ),
    ),
    Promise.all(
      SCANNED_KINDS.filter((k) => k.unlabelled).map(async (k) =>
        (await kube.list(k.apiVersion, k.kind, { labelSelector: NOT_MANAGED })).map((o) =>
          toObject(o, k.apiVersion, k.kind),
        ),
      ),
    ),
  ]);
  const namespaces: ScannedNamespace[] = namespaceItems.map((n) => ({
    name: n.metadata?.name ?? '',
    uid: n.metadata?.uid ?? '',
    labels: n.metadata?.labels ?? {},
    createdAt: n.metadata?.creationTimestamp ? new Date(n.metadata.creationTimestamp) : null,
    phase: (n as { status?: { phase?: string } }).status?.phase ?? 'Active',
    deleting: Boolean(n.metadata?.deletionTimestamp),
  }));
  const managedNames = new Set(namespaces.map((n) => n.name));
  const managed = managedLists.flat();
  const unlabelled = unlabelledLists.flat().filter((o) => managedNames.has(o.namespace));

  const ids = new Set<string>();
  const userIds = new Set<string>();
  for (const o of managed) {
    if (o.labels[LABELS.subscription]) ids.add(o.labels[LABELS.subscription]!);
    if (o.labels[LABELS.tenant]) userIds.add(o.labels[LABELS.tenant]!);
  }
  for (const n of namespaces) if (n.labels[LABELS.tenant]) userIds.add(n.labels[LABELS.tenant]!);
  const rows = await deps.inventory.subscriptionsFor(deps.executor, { ids: [...ids], userIds: [...userIds] });
  const subscriptions = new Map(rows.map((r) => [r.id, r]));
  const tenantsWithLive = new Set(rows.filter((r) => r.live).map((r) => r.userId));
  const knownTenants = new Set(rows.map((r) => r.userId));
  return {
    namespaces,
    managed,
    unlabelled,
    subscriptions,
    tenantsWithLive,
    knownTenants,
    listCalls: SCAN_LIST_CALLS,
    scannedAt: deps.now(),
  };
}

const UNKNOWN: readonly OrphanReason[] = ['subscription-unknown', 'tenant-unknown'];
const cleanupOf = (reason: OrphanReason): CleanupAction =>
  reason === 'unlabelled-in-managed-namespace'
    ? 'keep'
    : UNKNOWN.includes(reason)
      ? 'delete-with-include-unknown'
      : 'delete';

/** Whether a confirmed cleanup with these options deletes what has this action. */
export const willDelete = (action: CleanupAction, includeUnknown: boolean) =>
  action === 'delete' || (action === 'delete-with-include-unknown' && includeUnknown);

/** Pure: the orphans of a snapshot, grouped by namespace, and the live subscriptions with nothing in the cluster. */
export function orphanReport(snapshot: ClusterSnapshot): OrphanReport {
  const now = snapshot.scannedAt.getTime();
  const age = (d: Date | null) => (d ? Math.max(0, Math.floor((now - d.getTime()) / 1000)) : null);
  const tenantReason = (tenantId: string | null): OrphanReason | null => {
    if (tenantId && snapshot.tenantsWithLive.has(tenantId)) return null;
    return tenantId && snapshot.knownTenants.has(tenantId) ? 'tenant-without-live-subscription' : 'tenant-unknown';
  };

  const groups = new Map<string, OrphanNamespace>();
  const managedNamespaces = new Map(snapshot.namespaces.map((n) => [n.name, n]));
  const groupOf = (namespace: string): OrphanNamespace => {
    let group = groups.get(namespace);
    if (!group) {
      const ns = managedNamespaces.get(namespace);
      const tenantId = ns?.labels[LABELS.tenant] ?? null;
      const reason = ns && !ns.deleting ? tenantReason(tenantId) : null;
      group = {
        namespace,
        tenantId,
        namespaceReason: reason,
        namespaceCleanup: reason ? cleanupOf(reason) : 'keep',
        namespaceUid: ns?.uid ?? null,
        createdAt: ns?.createdAt?.toISOString() ?? null,
        ageSeconds: ns ? age(ns.createdAt) : null,
        objects: [],
      };
      groups.set(namespace, group);
    }
    return group;
  };
  for (const ns of snapshot.namespaces) groupOf(ns.name);

  const withObjects = new Set<string>();
  const withWorkload = new Set<string>();
  /** Namespaces holding an object that must stay (a live subscription's, or one not Kapal's). */
  const keepNamespace = new Set<string>();
  /** Namespaces holding an object only `includeUnknown` deletes. */
  const unknownInside = new Set<string>();

  const report = (o: ScannedObject, reason: OrphanReason, subscriptionId: string | null, tenantId: string | null) => {
    const cleanup = cleanupOf(reason);
    if (cleanup === 'keep') keepNamespace.add(o.namespace);
    if (cleanup === 'delete-with-include-unknown') unknownInside.add(o.namespace);
    groupOf(o.namespace).objects.push({
      kind: o.kind,
      apiVersion: o.apiVersion,
      name: o.name,
      uid: o.uid,
      subscriptionId,
      tenantId,
      reason,
      cleanup,
      createdAt: o.createdAt?.toISOString() ?? null,
      ageSeconds: age(o.createdAt),
    });
  };

  for (const o of snapshot.managed) {
    if (o.deleting || o.owned) continue;
    const subscriptionId = o.labels[LABELS.subscription] ?? null;
    const tenantId = o.labels[LABELS.tenant] ?? managedNamespaces.get(o.namespace)?.labels[LABELS.tenant] ?? null;
    if (subscriptionId) {
      const subscription = snapshot.subscriptions.get(subscriptionId);
      if (subscription?.live) {
        withObjects.add(subscriptionId);
        if (o.kind === 'Deployment' || o.kind === 'StatefulSet') withWorkload.add(subscriptionId);
        keepNamespace.add(o.namespace);
        continue;
      }
      report(o, subscription ? 'subscription-ended' : 'subscription-unknown', subscriptionId, tenantId);
    } else {
      const reason = tenantReason(tenantId);
      if (reason) report(o, reason, null, tenantId);
      else keepNamespace.add(o.namespace);
    }
  }
  for (const o of snapshot.unlabelled) {
    if (o.deleting || o.owned || isSystemObject(o)) continue;
    report(
      o,
      'unlabelled-in-managed-namespace',
      o.labels[LABELS.subscription] ?? null,
      o.labels[LABELS.tenant] ?? null,
    );
  }

  for (const group of groups.values()) {
    if (group.namespaceCleanup === 'keep') continue;
    if (keepNamespace.has(group.namespace)) group.namespaceCleanup = 'keep';
    else if (unknownInside.has(group.namespace)) group.namespaceCleanup = 'delete-with-include-unknown';
  }

  const namespaces = [...groups.values()]
    .filter((g) => g.objects.length > 0 || g.namespaceReason)
    .sort((a, b) => a.namespace.localeCompare(b.namespace));
  for (const g of namespaces) g.objects.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));

  const liveWithoutObjects: LiveWithoutObjects[] = [];
  for (const s of snapshot.subscriptions.values()) {
    if (!s.live || withWorkload.has(s.id)) continue;
    liveWithoutObjects.push({
      subscriptionId: s.id,
      tenantId: s.userId,
      name: s.name,
      status: s.status,
      podStatus: s.pod?.status ?? null,
      namespace: s.pod?.namespace ?? null,
      missing: withObjects.has(s.id) ? 'workload' : 'objects',
      createdAt: s.createdAt.toISOString(),
      ageSeconds: age(s.createdAt) ?? 0,
    });
  }
  liveWithoutObjects.sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  const counts = {
    'subscription-ended': 0,
    'subscription-unknown': 0,
    'tenant-without-live-subscription': 0,
    'tenant-unknown': 0,
    'unlabelled-in-managed-namespace': 0,
    objects: 0,
    namespaces: namespaces.filter((n) => n.namespaceReason).length,
    liveWithoutObjects: liveWithoutObjects.length,
  };
  for (const g of namespaces)
    for (const o of g.objects) {
      counts[o.reason] += 1;
      counts.objects += 1;
    }
  return {
    scannedAt: snapshot.scannedAt.toISOString(),
    namespaces,
    liveWithoutObjects,
    counts,
    kubernetesListCalls: snapshot.listCalls,
  };
}
