import type { Database } from '../../platform/db/db.js';
import type { KubeClient } from '../../platform/kube/kube-client.js';
import { KubeConflictError, KubeError } from '../../platform/kube/kube-errors.js';
import type { Actor, AuditLog } from '../audit/index.js';
import type { ClusterInventory } from './inventory.js';
import { type OrphanReason, type OrphanReport, willDelete } from './orphans.js';

export interface CleanupOptions {
  confirm: boolean;
  includeUnknown: boolean;
  /** Only these namespaces (all when absent). */
  namespaces?: string[];
}

export type CleanupOutcome = 'would-delete' | 'deleted' | 'already-gone' | 'skipped' | 'failed';

export interface CleanupObjectResult {
  namespace: string;
  kind: string;
  name: string;
  subscriptionId: string | null;
  tenantId: string | null;
  reason: OrphanReason;
  result: CleanupOutcome;
  message: string | null;
}

export interface CleanupNamespaceResult {
  namespace: string;
  tenantId: string | null;
  reason: OrphanReason;
  result: CleanupOutcome;
  message: string | null;
}

export interface CleanupResult {
  dryRun: boolean;
  includeUnknown: boolean;
  scannedAt: string;
  objects: CleanupObjectResult[];
  namespaces: CleanupNamespaceResult[];
  /** Reported orphans the cleanup leaves (not Kapal's, or unknown without `includeUnknown`), by reason. */
  kept: Record<OrphanReason, number>;
  counts: Record<CleanupOutcome, number> & { namespacesDeleted: number };
}

/** Deletes run this many at a time. */
const DELETE_CONCURRENCY = 8;
/** The audit entry lists at most this many objects (the counts cover all). */
export const AUDIT_DETAIL_LIMIT = 100;

async function inTurns<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const describeError = (err: unknown) =>
  err instanceof KubeError ? err.message : 'unexpected error (see the server log)';

/**
 * Deletes what the report says a cleanup deletes. Liveness is read again from the database right before
 * the objects are deleted and again before the namespaces are: a subscription (or a tenant's first one)
 * made since the scan keeps its objects. Each delete names the object's uid, so an object deleted and
 * made again under its name since the scan (a tenant's quota for a new subscription) is left alone.
 */
export async function cleanupOrphans(
  deps: {
    kube: Pick<KubeClient, 'delete'>;
    inventory: ClusterInventory;
    database: Pick<Database, 'db'>;
    audit: Pick<AuditLog, 'record'>;
    logger: { warn(obj: object, msg: string): void };
  },
  report: OrphanReport,
  options: CleanupOptions,
  actor: Actor,
): Promise<CleanupResult> {
  const { kube, inventory } = deps;
  const only = options.namespaces ? new Set(options.namespaces) : undefined;
  const groups = report.namespaces.filter((g) => !only || only.has(g.namespace));
  const kept = {
    'subscription-ended': 0,
    'subscription-unknown': 0,
    'tenant-without-live-subscription': 0,
    'tenant-unknown': 0,
    'unlabelled-in-managed-namespace': 0,
  } satisfies Record<OrphanReason, number>;

  const targets: (CleanupObjectResult & { apiVersion: string; uid: string })[] = [];
  const namespaceTargets: (CleanupNamespaceResult & { uid: string })[] = [];
  for (const group of groups) {
    for (const o of group.objects) {
      if (!willDelete(o.cleanup, options.includeUnknown)) {
        kept[o.reason] += 1;
        continue;
      }
      targets.push({
        namespace: group.namespace,
        kind: o.kind,
        apiVersion: o.apiVersion,
        name: o.name,
        uid: o.uid,
        subscriptionId: o.subscriptionId,
        tenantId: o.tenantId,
        reason: o.reason,
        result: 'would-delete',
        message: null,
      });
    }
    if (group.namespaceReason && group.namespaceUid && willDelete(group.namespaceCleanup, options.includeUnknown))
      namespaceTargets.push({
        namespace: group.namespace,
        tenantId: group.tenantId,
        reason: group.namespaceReason,
        uid: group.namespaceUid,
        result: 'would-delete',
        message: null,
      });
  }

  if (options.confirm) {
    const recheck = async () =>
      inventory.liveAmong(deps.database.db, {
        ids: targets.flatMap((t) => (t.subscriptionId ? [t.subscriptionId] : [])),
        userIds: [...targets, ...namespaceTargets].flatMap((t) => (t.tenantId ? [t.tenantId] : [])),
      });
    const isLiveNow = (
      live: Awaited<ReturnType<typeof recheck>>,
      t: { subscriptionId?: string | null; tenantId: string | null },
    ) =>
      t.subscriptionId ? live.liveIds.has(t.subscriptionId) : t.tenantId !== null && live.usersWithLive.has(t.tenantId);

    const live = await recheck();
    await inTurns(targets, DELETE_CONCURRENCY, async (t) => {
      if (isLiveNow(live, t)) {
        t.result = 'skipped';
        t.message = t.subscriptionId ? 'the subscription is live now' : 'the tenant has a live subscription now';
        return;
      }
      try {
        const deleted = await kube.delete(
          { apiVersion: t.apiVersion, kind: t.kind, name: t.name, namespace: t.namespace },
          { uid: t.uid },
        );
        t.result = deleted ? 'deleted' : 'already-gone';
      } catch (err) {
        if (err instanceof KubeConflictError) {
          t.result = 'skipped';
          t.message = 'replaced since the scan (another object of that name now)';
        } else {
          t.result = 'failed';
          t.message = describeError(err);
          deps.logger.warn({ err, object: `${t.kind}/${t.namespace}/${t.name}` }, 'orphan cleanup: delete failed');
        }
      }
    });

    // Again right before the namespaces go: the object deletes took a while.
    const liveAfter = await recheck();
    // A namespace is kept when anything in it was not deleted: a failure, or an object that is live or new.
    const keptIn = new Map(
      targets.filter((t) => t.result === 'failed' || t.result === 'skipped').map((t) => [t.namespace, t.result]),
    );
    await inTurns(namespaceTargets, DELETE_CONCURRENCY, async (n) => {
      if (isLiveNow(liveAfter, n)) {
        n.result = 'skipped';
        n.message = 'the tenant has a live subscription now';
        return;
      }
      const kept = keptIn.get(n.namespace);
      if (kept) {
        n.result = 'skipped';
        n.message =
          kept === 'failed' ? 'an object in it could not be deleted' : 'an object in it is live or new since the scan';
        return;
      }
      try {
        const deleted = await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: n.namespace }, { uid: n.uid });
        n.result = deleted ? 'deleted' : 'already-gone';
      } catch (err) {
        if (err instanceof KubeConflictError) {
          n.result = 'skipped';
          n.message = 'replaced since the scan';
        } else {
          n.result = 'failed';
          n.message = describeError(err);
          deps.logger.warn({ err, namespace: n.namespace }, 'orphan cleanup: namespace delete failed');
        }
      }
    });
  }

  const counts = { 'would-delete': 0, deleted: 0, 'already-gone': 0, skipped: 0, failed: 0, namespacesDeleted: 0 };
  for (const t of targets) counts[t.result] += 1;
  counts.namespacesDeleted = namespaceTargets.filter((n) => n.result === 'deleted').length;
  const objects = targets.map(({ apiVersion: _a, uid: _u, ...rest }) => rest);
  const namespaces = namespaceTargets.map(({ uid: _u, ...rest }) => rest);

  if (options.confirm) {
    await deps.audit.record({
      actorId: actor.id,
      ip: actor.ip,
      action: 'admin.cluster.orphans_cleaned',
      targetType: 'cluster',
      details: {
        includeUnknown: options.includeUnknown,
        onlyNamespaces: options.namespaces ?? null,
        counts,
        kept,
        namespaces: namespaces.slice(0, AUDIT_DETAIL_LIMIT).map((n) => ({ namespace: n.namespace, result: n.result })),
        objects: objects.slice(0, AUDIT_DETAIL_LIMIT).map((o) => ({
          kind: o.kind,
          namespace: o.namespace,
          name: o.name,
          reason: o.reason,
          result: o.result,
          ...(o.message ? { message: o.message } : {}),
        })),
        objectsNotListed: Math.max(0, objects.length - AUDIT_DETAIL_LIMIT),
      },
    });
  }
  return {
    dryRun: !options.confirm,
    includeUnknown: options.includeUnknown,
    scannedAt: report.scannedAt,
    objects,
    namespaces,
    kept,
    counts,
  };
}
