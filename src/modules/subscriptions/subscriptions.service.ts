import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { sql } from 'drizzle-orm';
import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbExecutor, Tx } from '../../platform/db/db.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/pg-errors.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { KubeClient } from '../../platform/kube/kube-client.js';
import type { Logger } from '../../platform/logger.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import type { EmailVerification } from '../accounts/index.js';
import type { Actor, AuditLog } from '../audit/index.js';
import type { BillingPort } from '../billing/index.js';
import { findPlanForPurchase, findPlansForPurchase, type PlanForPurchase } from '../catalog/index.js';
import {
  LABELS,
  type SecretStore,
  subscriptionBaseName,
  type TemplateRegistry,
  tenantNamespace,
} from '../templates/index.js';
import { addOneMonth, periodChargeKey } from './period.js';
import {
  type AdminSubscriptionView,
  FOLLOW_LOG_LIMIT_BYTES,
  LOG_LIMIT_BYTES,
  type NameCheckView,
  type PodView,
  type SubscriptionView,
  subscriptionName,
} from './subscriptions.http.js';
import {
  type PodRow,
  type PodStatus,
  subscriptionsRepository as repo,
  type SubscriptionRow,
  type SubscriptionStatus,
  type SubscriptionWithPod,
} from './subscriptions.repository.js';

/** How long an Idempotency-Key of POST /subscriptions is honoured. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface SubscriptionsServiceDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  kube: KubeClient;
  clock: Clock;
  logger: Logger;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  templates: TemplateRegistry;
  secrets: SecretStore;
  appsDomain: string;
  provisioningDeadlineSeconds: number;
  // Ports, read when used (billing is listed before this module, accounts and audit too).
  billing: () => Pick<BillingPort, 'charge'>;
  emailVerification: () => Pick<EmailVerification, 'assertMayPurchase'>;
  audit: () => Pick<AuditLog, 'record'>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const urlOf = (host: string) => `https://${host}`;

export function toPodView(row: SubscriptionWithPod, plan: PlanForPurchase | undefined, now: Date): PodView {
  const { subscription, pod } = row;
  return {
    id: pod.id,
    subscriptionId: subscription.id,
    name: subscription.name,
    status: pod.status,
    namespace: pod.namespace,
    workloadKind: pod.workloadKind,
    workloadName: pod.workloadName,
    node: pod.nodeName,
    restarts: pod.restarts,
    desiredReplicas: pod.desiredReplicas,
    readyReplicas: pod.readyReplicas,
    availableReplicas: pod.availableReplicas,
    lastError: pod.lastError,
    url: urlOf(subscription.host),
    resources: plan
      ? {
          cpuRequestMillicores: plan.cpuRequestMillicores,
          cpuLimitMillicores: plan.cpuLimitMillicores,
          memoryRequestMib: plan.memoryRequestMib,
          memoryLimitMib: plan.memoryLimitMib,
          storageGib: plan.storageGib,
        }
      : null,
    ageSeconds: Math.max(0, Math.floor((now.getTime() - pod.createdAt.getTime()) / 1000)),
    createdAt: pod.createdAt.toISOString(),
    readyAt: iso(pod.readyAt),
    runningSince: iso(pod.runningSince),
    lastRestartAt: iso(pod.lastRestartAt),
  };
}

/**
 * The renewal a subscription will be charged, if it renews: at `periodEnd`, the price now of the plan
 * it renews on (a pending downgrade, else its plan).
 */
export function nextChargeOf(subscription: SubscriptionRow, plan: PlanForPurchase | undefined) {
  if (subscription.status !== 'ACTIVE' || !subscription.autoRenew || subscription.cancelAtPeriodEnd) return null;
  return { at: subscription.periodEnd, amount: plan?.priceMonthlyIdr ?? subscription.priceIdr };
}

export function toSubscriptionView(
  row: SubscriptionWithPod,
  plan: PlanForPurchase | undefined,
  now: Date,
  pendingPlan?: PlanForPurchase,
): SubscriptionView {
  const { subscription } = row;
  const next = nextChargeOf(subscription, pendingPlan ?? plan);
  return {
    id: subscription.id,
    name: subscription.name,
    status: subscription.status,
    host: subscription.host,
    url: urlOf(subscription.host),
    service: plan ? { id: plan.service.id, slug: plan.service.slug, name: plan.service.name } : null,
    plan: plan ? { id: plan.id, name: plan.name, priceMonthlyIdr: plan.priceMonthlyIdr } : null,
    pendingPlan: pendingPlan
      ? { id: pendingPlan.id, name: pendingPlan.name, priceMonthlyIdr: pendingPlan.priceMonthlyIdr }
      : null,
    priceIdr: subscription.priceIdr,
    periodStart: subscription.periodStart.toISOString(),
    periodEnd: subscription.periodEnd.toISOString(),
    autoRenew: subscription.autoRenew,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    nextCharge: next ? { at: next.at.toISOString(), amount: next.amount } : null,
    endReason: subscription.endReason,
    createdAt: subscription.createdAt.toISOString(),
    pod: toPodView(row, plan, now),
  };
}

const notOnSale = (what: string) => conflict(`${what} is not on sale`);

/** Subscribing, reading subscriptions and pods, and the pod actions (restart, logs, events, credentials). */
export function createSubscriptionsService(deps: SubscriptionsServiceDeps) {
  const { database, clock, kube } = deps;

  const hostOf = (name: string) => `${name}.${deps.appsDomain}`;

  /**
   * Why `userId` cannot give a new app `name` now, or undefined: a live subscription of theirs has the name,
   * or a live one of anybody has its host. The partial unique indexes enforce the same under concurrency.
   */
  async function whyNameTaken(executor: DbExecutor, userId: string, name: string): Promise<string | undefined> {
    if (await repo.liveWithName(executor, userId, name)) return `You already have an app named "${name}"`;
    const host = hostOf(name);
    if (await repo.liveWithHost(executor, host)) return `The address ${host} is taken; choose another name`;
    return undefined;
  }

  async function plansFor(executor: DbExecutor, rows: SubscriptionWithPod[]) {
    const ids = rows
      .flatMap((r) => [r.subscription.planId, r.subscription.pendingPlanId])
      .filter((id): id is string => id !== null);
    return new Map((await findPlansForPurchase(executor, ids)).map((p) => [p.id, p]));
  }

  function viewWith(row: SubscriptionWithPod, plans: Map<string, PlanForPurchase>, now = clock.now()) {
    const { planId, pendingPlanId } = row.subscription;
    return toSubscriptionView(row, plans.get(planId ?? ''), now, pendingPlanId ? plans.get(pendingPlanId) : undefined);
  }

  async function viewOf(row: SubscriptionWithPod): Promise<SubscriptionView> {
    const plans = await plansFor(database.db, [row]);
    return viewWith(row, plans);
  }

  /** After commit: provision (single-flight per subscription), the deadline check, the first mail. */
  async function enqueueProvisioning(subscriptionId: string, deadlineAt: Date) {
    try {
      await deps.jobs.enqueue(
        'subscriptions.reconcile',
        { subscriptionId, trigger: 'provision' },
        { jobId: `provision-${subscriptionId}` },
      );
      await deps.jobs.enqueue(
        'subscriptions.reconcile',
        { subscriptionId, trigger: 'deadline' },
        {
          jobId: `deadline-${subscriptionId}`,
          delayMs: Math.max(0, deadlineAt.getTime() - clock.now().getTime()) + 1_000,
        },
      );
      await deps.jobs.enqueue(
        'subscriptions.notify',
        { subscriptionId, mail: 'subscription-created' },
        { jobId: `subscription-created-${subscriptionId}` },
      );
    } catch (err) {
      // Paid and recorded: the worker's full pass provisions it even if Redis missed this.
      deps.logger.error({ err, subscriptionId }, 'could not enqueue provisioning; the full pass will pick it up');
    }
  }

  async function subscribe(
    actor: Actor,
    input: { planId: string; name: string },
    idempotencyKey?: string,
  ): Promise<{ created: boolean; subscription: SubscriptionView }> {
    const plan = await findPlanForPurchase(database.db, input.planId);
    if (!plan) throw notFound('Plan');
    if (!plan.isActive) throw notOnSale(`The plan ${plan.name}`);
    if (!plan.service.isActive) throw notOnSale(`The service ${plan.service.name}`);
    const template = deps.templates.get(plan.service.templateRef);
    if (!template) throw notOnSale(`The service ${plan.service.name}`);
    const host = hostOf(input.name);
    const userId = actor.id;

    let outcome: { created: boolean; row: SubscriptionWithPod };
    try {
      outcome = await database.transaction(async (tx) => {
        // One purchase per user at a time: a second request of the same user waits here and then sees the first.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kapal-subscribe:${userId}`}, 0))`);
        if (idempotencyKey) {
          const earlier = await repo.findByIdempotencyKey(tx, userId, idempotencyKey);
          if (earlier && (earlier.idempotencyExpiresAt?.getTime() ?? 0) > clock.now().getTime()) {
            if (earlier.planId !== input.planId || earlier.name !== input.name) {
              throw new AppError(
                'UNPROCESSABLE',
                'This Idempotency-Key was used for a different subscription request in the last 24 hours',
              );
            }
            const row = await repo.findWithPod(tx, earlier.id);
            return { created: false, row: row! };
          }
          if (earlier) await repo.releaseIdempotencyKey(tx, earlier.id);
        }
        await deps.emailVerification().assertMayPurchase(userId, tx);
        const taken = await whyNameTaken(tx, userId, input.name);
        if (taken) throw conflict(taken);
        return {
          created: true,
          row: await create(tx, actor, plan, template.app.kind, input.name, host, idempotencyKey),
        };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`The address ${host} is taken; choose another name`);
      if (isForeignKeyViolation(err)) throw notOnSale(`The plan ${plan.name}`);
      throw err;
    }
    if (outcome.created) await enqueueProvisioning(outcome.row.subscription.id, outcome.row.pod.provisioningDeadlineAt);
    return { created: outcome.created, subscription: await viewOf(outcome.row) };
  }

  async function create(
    tx: Tx,
    actor: Actor,
    plan: PlanForPurchase,
    workloadKind: PodRow['workloadKind'],
    name: string,
    host: string,
    idempotencyKey: string | undefined,
  ): Promise<SubscriptionWithPod> {
    const now = clock.now();
    const id = randomUUID();
    const periodEnd = addOneMonth(now);
    const subscription = await repo.insertSubscription(tx, {
      id,
      userId: actor.id,
      planId: plan.id,
      serviceId: plan.service.id,
      name,
      host,
      status: 'ACTIVE',
      priceIdr: plan.priceMonthlyIdr,
      periodStart: now,
      periodEnd,
      idempotencyKey: idempotencyKey ?? null,
      idempotencyExpiresAt: idempotencyKey ? new Date(now.getTime() + IDEMPOTENCY_TTL_MS) : null,
      createdAt: now,
      updatedAt: now,
    });
    if (plan.priceMonthlyIdr > 0) {
      // 402 INSUFFICIENT_CREDIT (required, available) rolls everything back: no rows, no jobs.
      await deps.billing().charge(tx, {
        userId: actor.id,
        amount: plan.priceMonthlyIdr,
        reference: `subscription:${id}`,
        idempotencyKey: periodChargeKey(id, now),
        description: `${plan.service.name} ${plan.name}: ${name}, ${now.toISOString().slice(0, 10)} to ${periodEnd.toISOString().slice(0, 10)}`,
        subscriptionId: id,
        serviceId: plan.service.id,
        planId: plan.id,
      });
    }
    const pod = await repo.insertPod(tx, {
      subscriptionId: id,
      userId: actor.id,
      status: 'PROVISIONING',
      namespace: tenantNamespace(actor.id),
      workloadKind,
      workloadName: subscriptionBaseName({ id, name }),
      provisioningDeadlineAt: new Date(now.getTime() + deps.provisioningDeadlineSeconds * 1000),
      createdAt: now,
      updatedAt: now,
    });
    await deps.audit().record(
      {
        actorId: actor.id,
        action: 'subscription.created',
        targetType: 'subscription',
        targetId: id,
        ip: actor.ip,
        details: { planId: plan.id, serviceId: plan.service.id, name, host, priceIdr: plan.priceMonthlyIdr },
      },
      tx,
    );
    return { subscription, pod };
  }

  async function ownedSubscription(userId: string, id: string) {
    const row = await repo.findOwnedWithPod(database.db, userId, id);
    if (!row) throw notFound('Subscription');
    return row;
  }

  async function ownedPod(userId: string, podId: string) {
    const row = await repo.findOwnedPod(database.db, userId, podId);
    if (!row) throw notFound('Pod');
    return row;
  }

  /** The Kubernetes pods of a subscription's component (`app` or a companion), newest first. */
  async function kubePodsOf(row: SubscriptionWithPod, component: string): Promise<V1Pod[]> {
    const pods = await kube.list<V1Pod>('v1', 'Pod', {
      namespace: row.pod.namespace,
      labelSelector: `${LABELS.subscription}=${row.subscription.id},${LABELS.component}=${component}`,
    });
    return pods.sort(
      (a, b) =>
        new Date(b.metadata?.creationTimestamp ?? 0).getTime() - new Date(a.metadata?.creationTimestamp ?? 0).getTime(),
    );
  }

  async function logTarget(row: SubscriptionWithPod, container: string) {
    if (row.pod.status === 'FAILED' || row.pod.status === 'TERMINATED') throw conflict('The app is not running');
    const pods = await kubePodsOf(row, container);
    // Newest first; a pod being deleted (the old one during a rollout) may be gone before its log is read.
    const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
    const pod = live.find((p) => p.status?.phase === 'Running') ?? live[0] ?? pods[0];
    if (!pod) throw notFound(`A running "${container}" container`);
    return pod.metadata!.name!;
  }

  async function anyView(id: string): Promise<SubscriptionView> {
    const row = await repo.findWithPod(database.db, id);
    if (!row) throw notFound('Subscription');
    return viewOf(row);
  }

  function toAdminView(
    row: SubscriptionWithPod,
    plans: Map<string, PlanForPurchase>,
    now: Date,
  ): AdminSubscriptionView {
    const { subscription: s } = row;
    return {
      ...viewWith(row, plans, now),
      userId: s.userId,
      graceStartedAt: iso(s.graceStartedAt),
      suspendedAt: iso(s.suspendedAt),
      cancelledAt: iso(s.cancelledAt),
      terminatedAt: iso(s.terminatedAt),
    };
  }

  return {
    subscribe,

    /**
     * Whether POST /subscriptions would take `name` from `userId` now: the same name rules (400 there) and
     * the same live-name and live-host checks (409 there). A hint, not a reservation: someone may take it first.
     */
    async checkName(userId: string, name: string): Promise<NameCheckView> {
      const parsed = subscriptionName.safeParse(name);
      if (!parsed.success) {
        return { name, available: false, code: 'INVALID', reason: `The name ${parsed.error.issues[0]!.message}` };
      }
      const url = urlOf(hostOf(name));
      const taken = await whyNameTaken(database.db, userId, name);
      return taken ? { name, available: false, code: 'TAKEN', reason: taken, url } : { name, available: true, url };
    },

    /** Any user's subscription, for administrators (the routes guard it). */
    async adminGet(id: string) {
      const row = await repo.findWithPod(database.db, id);
      if (!row) throw notFound('Subscription');
      return toAdminView(row, await plansFor(database.db, [row]), clock.now());
    },

    async adminList(query: Parameters<typeof repo.adminList>[1]) {
      const { items, total, counts } = await repo.adminList(database.db, query);
      const plans = await plansFor(database.db, items);
      const now = clock.now();
      return { items: items.map((r) => toAdminView(r, plans, now)), total, counts };
    },

    /** The view after a lifecycle action (the caller owned it, or is an administrator). */
    view: anyView,

    async list(userId: string, query: { status?: SubscriptionStatus; page: number; pageSize: number }) {
      const { items, total } = await repo.listOwned(database.db, userId, {
        statuses: query.status ? [query.status] : undefined,
        page: query.page,
        pageSize: query.pageSize,
      });
      const plans = await plansFor(database.db, items);
      const now = clock.now();
      return { items: items.map((r) => viewWith(r, plans, now)), total };
    },

    async get(userId: string, id: string) {
      return viewOf(await ownedSubscription(userId, id));
    },

    /** The app's generated secrets, decrypted for its owner (audited). */
    async credentials(actor: Actor, id: string) {
      const row = await ownedSubscription(actor.id, id);
      if (row.subscription.status === 'FAILED' || row.subscription.status === 'TERMINATED')
        throw conflict('This subscription has ended; its credentials are gone');
      const plan = row.subscription.planId
        ? await findPlanForPurchase(database.db, row.subscription.planId)
        : undefined;
      const template = plan && deps.templates.get(plan.service.templateRef);
      if (!template) throw conflict('The template of this subscription is no longer installed');
      const credentials: { name: string; value: string }[] = [];
      for (const name of Object.keys(template.secrets).sort()) {
        const value = await deps.secrets.getOrCreate(row.subscription.id, name, () => {
          throw new AppError('CONFLICT', 'The credentials are not made yet; try again in a moment');
        });
        credentials.push({ name, value });
      }
      await deps.audit().record({
        actorId: actor.id,
        action: 'subscription.credentials_read',
        targetType: 'subscription',
        targetId: id,
        ip: actor.ip,
        details: { names: credentials.map((c) => c.name) },
      });
      return { subscriptionId: id, url: urlOf(row.subscription.host), credentials };
    },

    async listPods(userId: string, query: { status?: PodStatus; page: number; pageSize: number }) {
      const { items, total } = await repo.listOwnedPods(database.db, userId, {
        statuses: query.status ? [query.status] : undefined,
        page: query.page,
        pageSize: query.pageSize,
      });
      const plans = await plansFor(database.db, items);
      const now = clock.now();
      return { items: items.map((r) => toPodView(r, plans.get(r.subscription.planId ?? ''), now)), total };
    },

    async getPod(userId: string, podId: string) {
      const row = await ownedPod(userId, podId);
      const plans = await plansFor(database.db, [row]);
      return toPodView(row, plans.get(row.subscription.planId ?? ''), clock.now());
    },

    /** Rollout restart: the restart time goes into the desired state, and the reconciler applies it. */
    async restartPod(actor: Actor, podId: string) {
      const row = await ownedPod(actor.id, podId);
      if (row.pod.status !== 'RUNNING' && row.pod.status !== 'DEGRADED')
        throw conflict(`The app is ${row.pod.status.toLowerCase()}; only a running app can be restarted`);
      const now = clock.now();
      const pod = await database.transaction(async (tx) => {
        const updated = await repo.updatePod(tx, podId, { lastRestartAt: now });
        await deps.audit().record(
          {
            actorId: actor.id,
            action: 'pod.restarted',
            targetType: 'pod',
            targetId: podId,
            ip: actor.ip,
            details: { subscriptionId: row.subscription.id },
          },
          tx,
        );
        return updated!;
      });
      await deps.jobs.enqueue(
        'subscriptions.reconcile',
        { subscriptionId: row.subscription.id, trigger: 'restart' },
        { jobId: `restart-${podId}-${now.getTime()}` },
      );
      const plans = await plansFor(database.db, [row]);
      return toPodView({ subscription: row.subscription, pod }, plans.get(row.subscription.planId ?? ''), now);
    },

    async logs(userId: string, podId: string, query: { tail: number; since?: number; container: string }) {
      const row = await ownedPod(userId, podId);
      const podName = await logTarget(row, query.container);
      const text = await kube.podLogs(row.pod.namespace, podName, {
        container: query.container,
        tailLines: query.tail,
        sinceSeconds: query.since,
      });
      const truncated = Buffer.byteLength(text) > LOG_LIMIT_BYTES;
      const kept = truncated ? Buffer.from(text).subarray(-LOG_LIMIT_BYTES).toString('utf8') : text;
      const lines = kept.split('\n');
      if (lines.at(-1) === '') lines.pop();
      return { podName, container: query.container, lines, truncated };
    },

    async followLogs(
      userId: string,
      podId: string,
      query: { tail: number; since?: number; container: string },
    ): Promise<Readable> {
      const row = await ownedPod(userId, podId);
      const podName = await logTarget(row, query.container);
      return kube.streamPodLogs(row.pod.namespace, podName, {
        container: query.container,
        tailLines: query.tail,
        sinceSeconds: query.since,
        limitBytes: FOLLOW_LOG_LIMIT_BYTES,
        follow: true,
      });
    },

    /** The Kubernetes events of the app's objects (its workloads, their ReplicaSets and pods, claims, ...). */
    async events(userId: string, podId: string) {
      const row = await ownedPod(userId, podId);
      if (row.pod.terminatedAt) return { items: [] };
      const events = await kube.list<CoreV1Event>('v1', 'Event', { namespace: row.pod.namespace });
      // Every object of the subscription is named after its base name (which carries a hash of its id).
      const prefix = row.pod.workloadName;
      const items = events
        .filter((e) => e.involvedObject.name === prefix || e.involvedObject.name?.startsWith(`${prefix}-`))
        .map((e) => {
          const last = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
          const first = e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
          return {
            type: e.type ?? 'Normal',
            reason: e.reason ?? '',
            message: e.message ?? '',
            object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
            count: e.count ?? e.series?.count ?? 1,
            firstSeen: first ? new Date(first).toISOString() : null,
            lastSeen: last ? new Date(last).toISOString() : null,
          };
        })
        .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
        .slice(0, 200);
      return { items };
    },
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
