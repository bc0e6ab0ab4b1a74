import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbExecutor, Tx } from '../../platform/db/db.js';
import type { KubeClient, KubernetesObject } from '../../platform/kube/kube-client.js';
import { KubeForbiddenError, KubeInvalidError, KubeNotFoundError } from '../../platform/kube/kube-errors.js';
import type { Logger } from '../../platform/logger.js';
import type { BillingPort } from '../billing/index.js';
import { findPlansForPurchase, type PlanForPurchase } from '../catalog/index.js';
import {
  footprintOf,
  type KubeObject,
  LABELS,
  type TemplateRegistry,
  type TemplateRenderer,
  tenantNamespace,
} from '../templates/index.js';
import { provisioningRefundKey } from './period.js';
import {
  isLive,
  type PodRow,
  subscriptionsRepository as repo,
  type SubscriptionRow,
  type SubscriptionWithPod,
} from './subscriptions.repository.js';

export interface ObjectChange {
  kind: string;
  namespace?: string;
  name: string;
  action: 'created' | 'updated' | 'deleted';
}

export interface ReconcileResult {
  subscriptionId: string;
  outcome: 'applied' | 'removed' | 'failed' | 'missing';
  changes: ObjectChange[];
}

/** A failure no retry will fix (the API server refused the objects, the quota is too small, the deadline passed). */
export class PermanentProvisioningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentProvisioningError';
  }
}

/** Annotation on the app's pod template: changing it rolls the workload (kubectl rollout restart does the same). */
export const RESTARTED_AT_ANNOTATION = 'kapal.io/restartedAt';

/** Every kind the renderer makes inside a tenant namespace, deleted by the subscription's label. */
const SUBSCRIPTION_KINDS = [
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['v1', 'Service'],
  ['v1', 'Secret'],
  ['v1', 'PersistentVolumeClaim'],
] as const;

/** A new RoleBinding may not be honoured at once: a Forbidden is retried this often, with this backoff. */
const FORBIDDEN_RETRY_DELAYS_MS = [250, 1_000];

export interface ReconcilerDeps {
  database: Pick<Database, 'db' | 'pool' | 'transaction'>;
  kube: KubeClient;
  templates: TemplateRegistry;
  /** Renders with a secret store on the run's own transaction (one connection per run). */
  rendererFor: (executor: DbExecutor) => TemplateRenderer;
  billing: () => Pick<BillingPort, 'refund'>;
  clock: Clock;
  logger: Logger;
  /** Called after a provisioning failed for good and was refunded (the failure mail). */
  onFailed?: (subscriptionId: string) => Promise<void>;
}

const UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};
/** Bytes of a Kubernetes storage quantity (`5Gi`, `500M`, `1073741824`). */
export function quantityBytes(quantity: string): number {
  const match = /^([0-9.]+)([KMGT]i?|k)?$/.exec(quantity.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] ? (UNITS[match[2]] ?? Number.NaN) : 1);
}

/** Scaled to zero: the subscription is suspended, or an administrator stopped the app (until started). */
export const isHeldAtZero = (subscription: Pick<SubscriptionRow, 'status'>, pod: Pick<PodRow, 'adminStoppedAt'>) =>
  subscription.status === 'SUSPENDED' || pod.adminStoppedAt !== null;

/**
 * What the state adds to the rendered objects: zero replicas while suspended or stopped by an
 * administrator, the restart annotation. Pure (the admin pod view renders with it too).
 */
export function adjustForState(
  object: KubeObject,
  subscription: Pick<SubscriptionRow, 'status'>,
  pod: Pick<PodRow, 'adminStoppedAt' | 'lastRestartAt'>,
): KubeObject {
  if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') return object;
  const spec = structuredClone(object.spec as { replicas: number; template: { metadata: Record<string, unknown> } });
  if (isHeldAtZero(subscription, pod)) spec.replicas = 0;
  if (pod.lastRestartAt && object.metadata.labels[LABELS.component] === 'app') {
    const metadata = spec.template.metadata as { annotations?: Record<string, string> };
    metadata.annotations = { ...metadata.annotations, [RESTARTED_AT_ANNOTATION]: pod.lastRestartAt.toISOString() };
  }
  return { ...object, spec };
}

const describe = (o: KubernetesObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

/**
 * The reconciler: for one subscription, what its objects should be in its current state (rendered from
 * PostgreSQL), converged by server-side apply; for an ended one, its objects removed. Runs one at a time
 * per subscription (a PostgreSQL advisory lock, released by the server if the process dies), so two
 * jobs for one subscription, or the full pass and a job, never interleave. Idempotent.
 */
export function createReconciler(deps: ReconcilerDeps) {
  const { database, kube, clock } = deps;

  /**
   * Runs `fn` in one transaction holding the tenant's advisory lock: one connection per run, so runs
   * never wait for a second connection while holding the first; the lock goes with the connection if
   * the process dies. Per tenant, not per subscription: the namespace's quota is sized from all its live
   * subscriptions, and two runs sizing it from different snapshots must not overtake each other.
   */
  async function exclusively<T>(subscriptionId: string, fn: (tx: Tx) => Promise<T>): Promise<T | undefined> {
    const owner = (await repo.findWithPod(database.db, subscriptionId))?.subscription;
    if (!owner) return undefined;
    return database.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kapal-reconcile:${owner.userId}`}, 0))`);
      return fn(tx);
    });
  }

  async function plansOf(executor: DbExecutor, rows: SubscriptionRow[]): Promise<Map<string, PlanForPurchase>> {
    const planIds = rows.map((r) => r.planId).filter((id): id is string => id !== null);
    return new Map((await findPlansForPurchase(executor, planIds)).map((p) => [p.id, p]));
  }

  /** The objects of `target` in apply order: the tenant's namespace and guard rails, then the app's. */
  async function desiredObjects(tx: Tx, { subscription, pod }: SubscriptionWithPod): Promise<KubeObject[]> {
    const tenantSubscriptions = await repo.liveOfTenant(tx, subscription.userId);
    const plans = await plansOf(tx, [subscription, ...tenantSubscriptions]);
    const plan = subscription.planId ? plans.get(subscription.planId) : undefined;
    if (!plan) throw new PermanentProvisioningError('the plan of this subscription no longer exists');
    const template = deps.templates.get(plan.service.templateRef);
    if (!template) throw new PermanentProvisioningError(`no template "${plan.service.templateRef}" is installed`);
    const otherFootprints = tenantSubscriptions
      .filter((s) => s.id !== subscription.id)
      .flatMap((s) => {
        const p = s.planId ? plans.get(s.planId) : undefined;
        const t = p && deps.templates.get(p.service.templateRef);
        return p && t ? [footprintOf(t, p)] : [];
      });
    const objects = await deps.rendererFor(tx).render({
      template,
      plan,
      subscription: { id: subscription.id, name: subscription.name, host: subscription.host },
      tenant: { userId: subscription.userId },
      otherFootprints,
    });
    return objects.map((object) => adjustForState(object, subscription, pod));
  }

  /** Applies one object; a Forbidden (a RoleBinding not honoured yet) is tried again with backoff. */
  async function applyOne(object: KubeObject): Promise<KubernetesObject> {
    for (let attempt = 0; ; attempt++) {
      try {
        const [stored] = await kube.apply([object]);
        return stored!;
      } catch (err) {
        if (!(err instanceof KubeForbiddenError)) throw err;
        if (/exceeded quota|forbidden: exceeded/i.test(err.message)) {
          throw new PermanentProvisioningError(`${describe(object)}: ${err.message}`);
        }
        const delay = FORBIDDEN_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw err;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** The stored object before an apply (undefined when it does not exist yet). */
  async function storedBefore(object: KubeObject): Promise<KubernetesObject | undefined> {
    try {
      return await kube.get({
        apiVersion: object.apiVersion!,
        kind: object.kind!,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
      });
    } catch (err) {
      if (err instanceof KubeNotFoundError) return undefined;
      // A namespace not there yet (or not readable yet) tells nothing either way: count the apply as a creation.
      if (err instanceof KubeForbiddenError) return undefined;
      throw err;
    }
  }

  /**
   * A claim's size after a plan change: it may only grow, and only once bound (the API server refuses any
   * other change of an existing claim's spec), so a smaller plan, or an unbound claim, keeps the stored size.
   * A growth the storage class cannot do (Forbidden) is given up in `apply`: the volume keeps its size.
   */
  function claimSizeFor(object: KubeObject, stored: KubernetesObject | undefined, tryGrowth = true): KubeObject {
    if (object.kind !== 'PersistentVolumeClaim' || !stored) return object;
    type Claim = { spec?: { resources?: { requests?: { storage?: string } } }; status?: { phase?: string } };
    const have = (stored as Claim).spec?.resources?.requests?.storage;
    const want = (object as Claim).spec?.resources?.requests?.storage;
    if (!have || !want || have === want) return object;
    const bound = (stored as Claim).status?.phase === 'Bound';
    if (tryGrowth && bound && quantityBytes(want) > quantityBytes(have)) return object;
    const spec = structuredClone(object.spec) as NonNullable<Claim['spec']>;
    spec.resources!.requests!.storage = have;
    return { ...object, spec };
  }

  async function apply(tx: Tx, target: SubscriptionWithPod): Promise<ObjectChange[]> {
    const objects = await desiredObjects(tx, target);
    const changes: ObjectChange[] = [];
    for (const rendered of objects) {
      // What changed is read from resourceVersions: an apply that changes nothing leaves it as it was.
      const existing = await storedBefore(rendered);
      const before = existing ? (existing.metadata?.resourceVersion ?? '') : undefined;
      const object = claimSizeFor(rendered, existing);
      let stored: KubernetesObject;
      try {
        stored = await applyOne(object).catch(async (err) => {
          const kept = claimSizeFor(rendered, existing, false);
          if (!(err instanceof KubeForbiddenError) || kept === object) throw err;
          deps.logger.warn({ claim: describe(object), err: err.message }, 'the volume cannot grow; it keeps its size');
          return applyOne(kept);
        });
      } catch (err) {
        if (err instanceof KubeInvalidError)
          throw new PermanentProvisioningError(`${describe(object)}: ${err.message}`);
        throw err;
      }
      const action =
        before === undefined ? 'created' : before !== stored.metadata?.resourceVersion ? 'updated' : undefined;
      if (action)
        changes.push({ kind: object.kind!, namespace: object.metadata.namespace, name: object.metadata.name, action });
    }
    return changes;
  }

  /** Deletes the subscription's objects (by its label), and the tenant's namespace when nothing live is left in it. */
  async function remove(tx: Tx, subscription: SubscriptionRow): Promise<ObjectChange[]> {
    const namespace = tenantNamespace(subscription.userId);
    const labelSelector = `${LABELS.subscription}=${subscription.id}`;
    const changes: ObjectChange[] = [];
    for (const [apiVersion, kind] of SUBSCRIPTION_KINDS) {
      for (const object of await kube.list(apiVersion, kind, { namespace, labelSelector })) {
        const name = object.metadata!.name!;
        if (await kube.delete({ apiVersion, kind, name, namespace }))
          changes.push({ kind, namespace, name, action: 'deleted' });
      }
    }
    if ((await repo.countLiveOfUser(tx, subscription.userId)) === 0) {
      if (await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }))
        changes.push({ kind: 'Namespace', name: namespace, action: 'deleted' });
    }
    return changes;
  }

  /**
   * Provisioning failed for good: subscription and pod FAILED and the first charge refunded in the run's
   * transaction (the refund's key makes it happen once). The caller removes the objects and, after
   * commit, tells the customer.
   */
  async function fail(tx: Tx, subscriptionId: string, reason: string): Promise<boolean> {
    const now = clock.now();
    const locked = await repo.lockWithPod(tx, subscriptionId);
    if (!locked || !isLive(locked.subscription.status)) return false;
    const { subscription, pod } = locked;
    await repo.updateSubscription(tx, subscription.id, { status: 'FAILED', failedAt: now, endReason: reason });
    await repo.updatePod(tx, pod.id, { status: 'FAILED', failedAt: now, lastError: reason });
    if (subscription.priceIdr > 0) {
      await deps.billing().refund(tx, {
        userId: subscription.userId,
        amount: subscription.priceIdr,
        reference: `subscription:${subscription.id}`,
        idempotencyKey: provisioningRefundKey(subscription.id),
        subscriptionId: subscription.id,
        description: `Refund: ${subscription.name} could not be started`,
        reason,
      });
    }
    deps.logger.warn({ subscriptionId, reason }, 'provisioning failed for good; refunded');
    return true;
  }

  async function record(tx: Tx, subscriptionId: string, trigger: string, changes: ObjectChange[], error?: string) {
    if (changes.length === 0 && !error) return;
    await repo.recordReconciliation(tx, { subscriptionId, trigger, changes, error: error ?? null });
  }

  async function reconcile(subscriptionId: string, trigger: string): Promise<ReconcileResult> {
    let failedNow = false;
    let result: ReconcileResult;
    try {
      const outcome = await exclusively(subscriptionId, async (tx): Promise<ReconcileResult> => {
        const target = await repo.findWithPod(tx, subscriptionId);
        if (!target) return { subscriptionId, outcome: 'missing', changes: [] };
        const { subscription, pod } = target;

        if (!isLive(subscription.status)) return removeEnded(tx, target, trigger);

        // Only a first provisioning fails for good: an app that ran before (readyAt) and is starting again
        // after a suspension is PROVISIONING too, long after its deadline.
        const firstProvisioning = pod.status === 'PROVISIONING' && pod.readyAt === null;
        if (firstProvisioning && pod.provisioningDeadlineAt.getTime() <= clock.now().getTime()) {
          const reason = 'the app did not start within the provisioning deadline';
          failedNow = await fail(tx, subscriptionId, reason);
          return removeFailed(tx, target, trigger, reason);
        }

        try {
          const changes = await apply(tx, target);
          await repo.updatePod(tx, pod.id, { lastReconciledAt: clock.now(), lastError: null });
          await record(tx, subscriptionId, trigger, changes);
          return { subscriptionId, outcome: 'applied', changes };
        } catch (err) {
          // A live app that ran before is not failed by a refused change: the error stays for the operator.
          if (!(err instanceof PermanentProvisioningError) || !firstProvisioning) throw err;
          failedNow = await fail(tx, subscriptionId, err.message);
          return removeFailed(tx, target, trigger, err.message);
        }
      });
      result = outcome ?? { subscriptionId, outcome: 'missing', changes: [] };
    } catch (err) {
      // The run's transaction rolled back; what went wrong is kept on the pod for the customer and operator.
      const row = await repo.findWithPod(database.db, subscriptionId).catch(() => undefined);
      if (row)
        await repo.updatePod(database.db, row.pod.id, { lastError: (err as Error).message }).catch(() => undefined);
      throw err;
    }
    if (failedNow) await deps.onFailed?.(subscriptionId);
    return result;
  }

  async function removeEnded(tx: Tx, { subscription, pod }: SubscriptionWithPod, trigger: string) {
    const changes = await remove(tx, subscription);
    await repo.updatePod(tx, pod.id, {
      status: subscription.status === 'FAILED' ? 'FAILED' : 'TERMINATED',
      terminatedAt: pod.terminatedAt ?? clock.now(),
      lastReconciledAt: clock.now(),
      availableReplicas: 0,
      readyReplicas: 0,
    });
    await record(tx, subscription.id, trigger, changes);
    return { subscriptionId: subscription.id, outcome: 'removed' as const, changes };
  }

  /** The objects of a failed provisioning go at once (not at the next pass). */
  async function removeFailed(tx: Tx, target: SubscriptionWithPod, trigger: string, reason: string) {
    const changes = await remove(tx, target.subscription);
    await repo.updatePod(tx, target.pod.id, { terminatedAt: clock.now(), availableReplicas: 0, readyReplicas: 0 });
    await record(tx, target.subscription.id, trigger, changes, reason);
    return { subscriptionId: target.subscription.id, outcome: 'failed' as const, changes };
  }

  /** The full pass: every live subscription, and every ended one not confirmed removed, a few at a time. */
  async function reconcileAll(options: { concurrency?: number } = {}) {
    const ids = await repo.idsToReconcile(database.db);
    const results: ReconcileResult[] = [];
    const errors: { subscriptionId: string; error: string }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        try {
          results.push(await reconcile(id, 'full-pass'));
        } catch (err) {
          errors.push({ subscriptionId: id, error: (err as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, ids.length) }, worker));
    const changed = results.filter((r) => r.changes.length > 0);
    if (changed.length > 0 || errors.length > 0)
      deps.logger.info({ visited: ids.length, changed: changed.length, errors }, 'full reconcile pass');
    return {
      visited: ids.length,
      changed: changed.map((r) => ({ subscriptionId: r.subscriptionId, changes: r.changes })),
      failed: results.filter((r) => r.outcome === 'failed').map((r) => r.subscriptionId),
      errors,
    };
  }

  return { reconcile, reconcileAll };
}

export type Reconciler = ReturnType<typeof createReconciler>;
