import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { defineModule } from '../module.js';
import { createDatabaseSecretStore, createTemplateRenderer, type TemplateRegistry } from '../templates/index.js';
import { adminPodsRoutes } from './admin-pods.routes.js';
import { createAdminPodsService } from './admin-pods.service.js';
import { adminSubscriptionsRoutes } from './admin-subscriptions.routes.js';
import { clusterInventory } from './cluster-inventory.js';
import { createLifecycle } from './lifecycle.js';
import { createPodStatusWatcher } from './pod-status.js';
import { createReconciler } from './reconciler.js';
import { createStatusStreams } from './status-stream.js';
import { statusStreamRoutes } from './status-stream.routes.js';
import { catalogUsage, liveSubscriptions, subscriptionSpend } from './subscription-ports.js';
import { subscriptionJobHandlers, subscriptionJobs } from './subscriptions.jobs.js';
import { createSubscriptionsMetrics } from './subscriptions.metrics.js';
import { subscriptionsRoutes } from './subscriptions.routes.js';
import { createSubscriptionsService } from './subscriptions.service.js';
import * as tables from './subscriptions.tables.js';

/** The full reconcile pass (drift repair, overdue provisioning) runs this often. */
export const RECONCILE_EVERY_MS = 2 * 60_000;
/** The lifecycle pass (renewals, grace, suspension, termination, resumption after a top-up, expiring mails). */
export const LIFECYCLE_EVERY_MS = 60_000;
/** Deactivated and deleted users' subscriptions are terminated within this long. */
export const USER_EVENTS_EVERY_MS = 15_000;

/**
 * Subscriptions and their pods: buying a plan (charged through the billing port), the reconciler that
 * converges each subscription's Kubernetes objects, the informers that report their status, the pod
 * reads and actions, and the answers other modules ask (live subscriptions, catalog usage, spend).
 */
export const subscriptionsModule = defineModule({
  name: 'subscriptions',
  tables,
  jobs: subscriptionJobs,
  schedules: [
    { job: 'subscriptions.reconcile-all', everyMs: RECONCILE_EVERY_MS, payload: {} },
    { job: 'subscriptions.lifecycle', everyMs: LIFECYCLE_EVERY_MS, payload: {} },
    { job: 'subscriptions.user-events', everyMs: USER_EVENTS_EVERY_MS, payload: {} },
  ],
  needs: ['authGuard', 'emailVerification', 'audit', 'billing', 'templates', 'notifications'],
  provides: ['liveSubscriptions', 'catalogUsage', 'subscriptionSpend', 'clusterInventory'],
  build(deps, ports) {
    const logger = deps.logger.child({ module: 'subscriptions' });
    // Ports are read when used: this module is listed before the providers of templates and billing,
    // because admin-users and catalog read the ports it provides in their own build.
    const templates: TemplateRegistry = {
      get dir() {
        return ports.templates.dir;
      },
      get: (slug) => ports.templates.get(slug),
      list: () => ports.templates.list(),
    };
    const metrics = createSubscriptionsMetrics({ metrics: deps.metrics, database: deps.database });
    const box = createSecretBox(deps.config.encryptionKey);
    const secrets = createDatabaseSecretStore({ db: deps.database.db, box });
    const reconciler = createReconciler({
      database: deps.database,
      kube: deps.kube,
      templates,
      rendererFor: (executor) =>
        createTemplateRenderer({
          settings: deps.config.apps,
          secrets: createDatabaseSecretStore({ db: executor, box }),
        }),
      billing: () => ports.billing,
      clock: deps.clock,
      logger,
      onFailed: async (subscriptionId) => {
        metrics.provisioningFailures.inc();
        await deps.jobs.enqueue(
          'subscriptions.notify',
          { subscriptionId, mail: 'provisioning-failed' },
          { jobId: `provisioning-failed-${subscriptionId}` },
        );
      },
    });
    const service = createSubscriptionsService({
      database: deps.database,
      kube: deps.kube,
      clock: deps.clock,
      logger,
      jobs: deps.jobs,
      templates,
      secrets,
      appsDomain: deps.config.apps.domain,
      provisioningDeadlineSeconds: deps.config.subscriptions.provisioningDeadlineSeconds,
      billing: () => ports.billing,
      emailVerification: () => ports.emailVerification,
      audit: () => ports.audit,
    });
    const adminPods = createAdminPodsService({
      database: deps.database,
      clock: deps.clock,
      logger,
      jobs: deps.jobs,
      templates,
      renderSettings: deps.config.apps,
      audit: () => ports.audit,
    });
    const lifecycle = createLifecycle({
      database: deps.database,
      clock: deps.clock,
      logger,
      jobs: deps.jobs,
      billing: () => ports.billing,
      audit: () => ports.audit,
    });
    const watcher = createPodStatusWatcher({
      kube: deps.kube,
      database: deps.database,
      clock: deps.clock,
      logger,
      timeToRunning: metrics.timeToRunning,
      onFirstRunning: async (subscriptionId) => {
        await deps.jobs.enqueue(
          'subscriptions.notify',
          { subscriptionId, mail: 'service-ready' },
          { jobId: `service-ready-${subscriptionId}` },
        );
      },
      onWorkloadDeleted: async (subscriptionId, resourceVersion) => {
        await deps.jobs.enqueue(
          'subscriptions.reconcile',
          { subscriptionId, trigger: 'workload-deleted' },
          { jobId: `repair-${subscriptionId}-${resourceVersion}` },
        );
      },
    });
    // Subscribed to the listener here, with the other caches, so it listens from the first connection on.
    const statusStreams = createStatusStreams({
      changes: deps.dbNotifications,
      logger,
      onCount: (open) => metrics.eventStreams.set(open),
    });
    return {
      provides: { liveSubscriptions, catalogUsage, subscriptionSpend, clusterInventory },
      routes: async (app) => {
        await subscriptionsRoutes(app, {
          service,
          lifecycle,
          guard: ports.authGuard,
          emailVerification: () => ports.emailVerification,
        });
        await adminSubscriptionsRoutes(app, { service, lifecycle, guard: ports.authGuard });
        await adminPodsRoutes(app, { service: adminPods, guard: ports.authGuard });
        await statusStreamRoutes(app, { streams: statusStreams, guard: ports.authGuard });
      },
      jobHandlers: subscriptionJobHandlers({
        reconciler,
        lifecycle,
        balanceOf: (userId) => ports.billing.balanceOf(deps.database.db, userId),
        database: deps.database,
        notifications: () => ports.notifications,
        templates,
        secrets,
      }),
      startInWorker: () => watcher.start(),
      close: async () => {
        statusStreams.close();
        await watcher.stop();
      },
    };
  },
});
