import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import type { Actor, AuditLog } from '../audit/index.js';
import {
  createTemplateRenderer,
  type KubeObject,
  type RenderSettings,
  type SecretStore,
  type TemplateRegistry,
} from '../templates/index.js';
import { type WorkerDetails, workerDetailsByName } from '../workers/index.js';
import {
  type AdminPodDetailView,
  type AdminPodListQuery,
  type AdminPodStats,
  type AdminPodView,
  MASKED,
} from './admin-pods.http.js';
import { type AdminPodDetailRow, type AdminPodRow, adminPodsRepository as adminRepo } from './admin-pods.repository.js';
import { adjustForState } from './reconciler.js';
import { isLive, subscriptionsRepository as repo, type SubscriptionWithPod } from './subscriptions.repository.js';

export interface AdminPodsServiceDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  logger: Logger;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  templates: TemplateRegistry;
  renderSettings: RenderSettings;
  audit: () => Pick<AuditLog, 'record'>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The secret store of the admin view's render: every generated secret is `********`. It never reads (or
 * creates) the subscription's stored secrets, so the configuration cannot reveal them whatever the template
 * does with them.
 */
export const maskedSecretStore: SecretStore = { getOrCreate: async () => MASKED };

/** The annotation carrying a hash of the Secret's data (computed here from masked values: not the cluster's). */
const SECRET_CHECKSUM_ANNOTATION = 'kapal.io/secret-checksum';

/**
 * The rendered objects as an administrator may see them: each Secret's `data` and `stringData` values, and
 * the pod templates' hash of them, replaced by `********`. Pure.
 */
export function maskConfiguration(objects: KubeObject[]): KubeObject[] {
  return objects.map((object) => {
    const copy = structuredClone(object) as KubeObject & {
      data?: Record<string, string>;
      stringData?: Record<string, string>;
      spec?: { template?: { metadata?: { annotations?: Record<string, string> } } };
    };
    if (copy.kind === 'Secret') {
      for (const field of ['data', 'stringData'] as const) {
        const values = copy[field];
        if (values) copy[field] = Object.fromEntries(Object.keys(values).map((key) => [key, MASKED]));
      }
    }
    const annotations = copy.spec?.template?.metadata?.annotations;
    if (annotations && SECRET_CHECKSUM_ANNOTATION in annotations) annotations[SECRET_CHECKSUM_ANNOTATION] = MASKED;
    return copy;
  });
}

export function toAdminPodView(row: AdminPodRow, now: Date): AdminPodView {
  return {
    id: row.id,
    status: row.status,
    namespace: row.namespace,
    workloadKind: row.workloadKind,
    workloadName: row.workloadName,
    node: row.nodeName,
    restarts: row.restarts,
    desiredReplicas: row.desiredReplicas,
    readyReplicas: row.readyReplicas,
    availableReplicas: row.availableReplicas,
    lastError: row.lastError,
    url: `https://${row.host}`,
    adminStoppedAt: iso(row.adminStoppedAt),
    ageSeconds: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 1000)),
    createdAt: row.createdAt.toISOString(),
    readyAt: iso(row.readyAt),
    runningSince: iso(row.runningSince),
    stoppedAt: iso(row.stoppedAt),
    lastRestartAt: iso(row.lastRestartAt),
    lastObservedAt: iso(row.lastObservedAt),
    subscription: {
      id: row.subscriptionId,
      name: row.subscriptionName,
      host: row.host,
      status: row.subscriptionStatus,
    },
    user: { id: row.userId, email: row.userEmail, name: row.userName },
    service:
      row.serviceId && row.serviceSlug && row.serviceName
        ? { id: row.serviceId, slug: row.serviceSlug, name: row.serviceName }
        : null,
    plan:
      row.planId && row.planName !== null && row.planPriceMonthlyIdr !== null
        ? { id: row.planId, name: row.planName, priceMonthlyIdr: row.planPriceMonthlyIdr }
        : null,
  };
}

const workerView = (w: WorkerDetails) => ({
  ...w,
  lastHeartbeatAt: iso(w.lastHeartbeatAt),
  goneAt: iso(w.goneAt),
});

type Action = 'stop' | 'start' | 'restart';

/**
 * Every tenant's pods for administrators: reads served from PostgreSQL only (the rows the informers keep
 * current; never a Kubernetes call), and the audited stop, start and restart of any pod, which change the
 * desired state and leave the cluster to the reconciler.
 */
export function createAdminPodsService(deps: AdminPodsServiceDeps) {
  const { database, clock } = deps;
  const renderer = createTemplateRenderer({ settings: deps.renderSettings, secrets: maskedSecretStore });

  /** What the reconciler would apply for the app now (its own objects, not the tenant's), masked. */
  async function configurationOf(row: AdminPodDetailRow) {
    if (!isLive(row.subscriptionStatus) || row.status === 'FAILED' || row.status === 'TERMINATED')
      return {
        configuration: null,
        unavailable: `The subscription has ended (${row.subscriptionStatus}); its objects were removed`,
      };
    if (!row.planId || row.planCpuRequestMillicores === null || !row.serviceId)
      return { configuration: null, unavailable: 'The plan or service of this subscription was deleted' };
    const template = row.serviceTemplateRef ? deps.templates.get(row.serviceTemplateRef) : undefined;
    if (!template)
      return { configuration: null, unavailable: `No template "${row.serviceTemplateRef ?? ''}" is installed` };
    const rendered = await renderer.renderSubscription({
      template,
      plan: {
        cpuRequestMillicores: row.planCpuRequestMillicores,
        cpuLimitMillicores: row.planCpuLimitMillicores!,
        memoryRequestMib: row.planMemoryRequestMib!,
        memoryLimitMib: row.planMemoryLimitMib!,
        storageGib: row.planStorageGib!,
      },
      subscription: { id: row.subscriptionId, name: row.subscriptionName, host: row.host },
      tenant: { userId: row.userId },
    });
    const state = { status: row.subscriptionStatus };
    const objects = rendered.objects.map((o) => adjustForState(o, state, row));
    return { configuration: { objects: maskConfiguration(objects) }, unavailable: null };
  }

  async function find(podId: string) {
    const row = await adminRepo.find(database.db, podId);
    if (!row) throw notFound('Pod');
    return row;
  }

  /** Why `action` makes no sense for this pod now (409), or undefined. */
  function refusal(action: Action, { subscription, pod }: SubscriptionWithPod): string | undefined {
    if (!isLive(subscription.status) || pod.status === 'FAILED' || pod.status === 'TERMINATED')
      return `The app has ended (subscription ${subscription.status}, pod ${pod.status}); nothing can be ${action === 'stop' ? 'stopped' : action === 'start' ? 'started' : 'restarted'}`;
    const stopped = pod.adminStoppedAt !== null;
    switch (action) {
      case 'stop':
        if (stopped) return `The app was already stopped by an administrator at ${pod.adminStoppedAt!.toISOString()}`;
        if (subscription.status === 'SUSPENDED')
          return 'The subscription is suspended: its app is already scaled to zero (resume the subscription to run it)';
        if (pod.status === 'PROVISIONING' && pod.readyAt === null)
          return 'The app is still being provisioned for the first time; it can be stopped once it has run';
        return undefined;
      case 'start':
        if (!stopped) {
          if (subscription.status === 'SUSPENDED')
            return 'The subscription is suspended, not the app stopped: resume the subscription (POST /admin/subscriptions/{id}/resume)';
          return `The app is ${pod.status.toLowerCase()}; only an app an administrator stopped can be started`;
        }
        if (subscription.status === 'SUSPENDED')
          return 'The subscription is suspended: resume the subscription first, then start the app';
        return undefined;
      case 'restart':
        if (stopped) return 'The app was stopped by an administrator; start it instead';
        if (pod.status !== 'RUNNING' && pod.status !== 'DEGRADED')
          return `The app is ${pod.status.toLowerCase()}; only a running app can be restarted`;
        return undefined;
    }
  }

  /** One action under the subscription's row lock, with its audit entry; the reconcile job after commit. */
  async function act(actor: Actor, podId: string, action: Action): Promise<AdminPodView> {
    const subscriptionId = await adminRepo.subscriptionOf(database.db, podId);
    if (!subscriptionId) throw notFound('Pod');
    const now = clock.now();
    await database.transaction(async (tx) => {
      const locked = await repo.lockWithPod(tx, subscriptionId);
      if (!locked || locked.pod.id !== podId) throw notFound('Pod');
      const refused = refusal(action, locked);
      if (refused) throw conflict(refused);
      const { pod, subscription } = locked;
      await repo.updatePod(
        tx,
        pod.id,
        action === 'stop'
          ? { adminStoppedAt: now }
          : action === 'start'
            ? { adminStoppedAt: null }
            : { lastRestartAt: now },
      );
      await deps.audit().record(
        {
          actorId: actor.id,
          action: `admin.pod.${action === 'stop' ? 'stopped' : action === 'start' ? 'started' : 'restarted'}`,
          targetType: 'pod',
          targetId: pod.id,
          ip: actor.ip,
          details: {
            subscriptionId: subscription.id,
            userId: subscription.userId,
            status: pod.status,
            ...(action === 'start' ? { stoppedAt: pod.adminStoppedAt?.toISOString() ?? null } : {}),
          },
        },
        tx,
      );
    });
    try {
      await deps.jobs.enqueue(
        'subscriptions.reconcile',
        { subscriptionId, trigger: `admin-${action}` },
        { jobId: `admin-${action}-${podId}-${now.getTime()}` },
      );
    } catch (err) {
      // Recorded: the worker's full pass applies it even if Redis missed this.
      deps.logger.error({ err, podId, action }, 'could not enqueue the reconcile; the full pass will apply it');
    }
    return toAdminPodView(await find(podId), clock.now());
  }

  return {
    async list(query: AdminPodListQuery) {
      const byId = query.user !== undefined && UUID.test(query.user);
      const { items, total } = await adminRepo.list(database.db, {
        status: query.status,
        service: query.service,
        userId: byId ? query.user : undefined,
        email: byId ? undefined : query.user,
        worker: query.worker,
        q: query.q,
        sort: query.sort,
        page: query.page,
        pageSize: query.pageSize,
      });
      const now = clock.now();
      return { items: items.map((row) => toAdminPodView(row, now)), total };
    },

    async stats(): Promise<AdminPodStats> {
      const rows = await adminRepo.stats(database.db);
      const byStatus: AdminPodStats['byStatus'] = {
        PROVISIONING: 0,
        RUNNING: 0,
        DEGRADED: 0,
        STOPPED: 0,
        FAILED: 0,
        TERMINATED: 0,
      };
      const byService: AdminPodStats['byService'] = [];
      const byWorker: AdminPodStats['byWorker'] = [];
      for (const r of rows) {
        if (r.kind === 'status' && r.status) byStatus[r.status] = r.n;
        else if (r.kind === 'service' && r.live > 0)
          byService.push({ slug: r.slug, name: r.serviceName, count: r.live });
        else if (r.kind === 'node' && r.live > 0) byWorker.push({ node: r.node, count: r.live });
      }
      const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
      return {
        total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
        byStatus,
        byService: byService.sort((a, b) => byCount(a, b) || (a.slug ?? '').localeCompare(b.slug ?? '')),
        byWorker: byWorker.sort((a, b) => byCount(a, b) || (a.node ?? '').localeCompare(b.node ?? '')),
      };
    },

    async get(podId: string): Promise<AdminPodDetailView> {
      const row = await find(podId);
      const [workers, { configuration, unavailable }] = await Promise.all([
        row.nodeName ? workerDetailsByName(database.db, [row.nodeName]) : Promise.resolve(new Map()),
        configurationOf(row),
      ]);
      const worker = row.nodeName ? workers.get(row.nodeName) : undefined;
      const view = toAdminPodView(row, clock.now());
      return {
        ...view,
        subscription: {
          ...view.subscription,
          periodStart: row.periodStart.toISOString(),
          periodEnd: row.periodEnd.toISOString(),
          autoRenew: row.autoRenew,
          cancelAtPeriodEnd: row.cancelAtPeriodEnd,
          suspendedAt: iso(row.suspendedAt),
          endReason: row.endReason,
          createdAt: row.subscriptionCreatedAt.toISOString(),
        },
        plan:
          view.plan && row.planCpuRequestMillicores !== null
            ? {
                ...view.plan,
                cpuRequestMillicores: row.planCpuRequestMillicores,
                cpuLimitMillicores: row.planCpuLimitMillicores!,
                memoryRequestMib: row.planMemoryRequestMib!,
                memoryLimitMib: row.planMemoryLimitMib!,
                storageGib: row.planStorageGib!,
              }
            : null,
        worker: worker ? workerView(worker) : null,
        configuration,
        configurationUnavailable: unavailable,
      };
    },

    stop: (actor: Actor, podId: string) => act(actor, podId, 'stop'),
    start: (actor: Actor, podId: string) => act(actor, podId, 'start'),
    restart: (actor: Actor, podId: string) => act(actor, podId, 'restart'),
  };
}

export type AdminPodsService = ReturnType<typeof createAdminPodsService>;
