import { defineStateGauge } from '../../platform/metrics.js';
import { findAccount } from '../accounts/index.js';
import { findPlanForPurchase } from '../catalog/index.js';
import { defineModule } from '../module.js';
import { isLive, subscriptionsRepository } from '../subscriptions/index.js';
import { maintenanceMail } from './maintenance-mail.js';
import { createNodeInformer } from './node-informer.js';
import { WORKER_STATUSES } from './worker-status.js';
import { workerJobs } from './workers.jobs.js';
import { workersRoutes } from './workers.routes.js';
import { createWorkersService } from './workers.service.js';
import * as tables from './workers.tables.js';

/**
 * The cluster's worker nodes: a table kept by the node informer (worker process), the admin reads and
 * actions (cordon, uncordon, drain as a job, sync; audited), agents' heartbeats, and the gauges an alert
 * reads (`kapal_workers{status}`, `kapal_workers_offline`).
 */
export const workersModule = defineModule({
  name: 'workers',
  tables,
  jobs: workerJobs,
  needs: ['authGuard', 'audit', 'notifications'],
  build(deps, ports) {
    const logger = deps.logger.child({ module: 'workers' });
    const db = deps.database.db;
    const heartbeatIntervalMs = deps.config.workers.heartbeatIntervalSeconds * 1000;
    const service = createWorkersService({
      database: deps.database,
      kube: deps.kube,
      clock: deps.clock,
      logger,
      jobs: deps.jobs,
      audit: () => ports.audit,
      settings: { heartbeatIntervalMs, drainTimeoutMs: deps.config.workers.drainTimeoutSeconds * 1000 },
      async ownersOf(subscriptionIds) {
        const owners = new Map<string, string>();
        for (const id of subscriptionIds) {
          const row = await subscriptionsRepository.findWithPod(db, id);
          if (row && isLive(row.subscription.status)) owners.set(id, row.subscription.userId);
        }
        return owners;
      },
    });
    const informer = createNodeInformer({ kube: deps.kube, database: deps.database, clock: deps.clock, logger });

    // Shared state, read from the table at scrape time (served by the API only). Node names are not
    // labels: the status is a closed set. No cache: two aggregates over one row per node.
    const gauges = () => service.gauges();
    defineStateGauge(deps.metrics, {
      name: 'kapal_workers',
      help: 'Workers by status (INACTIVE: gone from the cluster)',
      labelNames: ['status'] as const,
      cacheMs: 0,
      zeroes: WORKER_STATUSES.map((status) => ({ status })),
      read: async () => (await gauges()).byStatus.map((s) => ({ labels: { status: s.status }, value: Number(s.n) })),
    });
    defineStateGauge(deps.metrics, {
      name: 'kapal_workers_offline',
      help: 'Workers whose agent reported before and has been silent for 3 heartbeat intervals (alert when > 0)',
      labelNames: [] as const,
      cacheMs: 0,
      read: async () => [{ labels: {}, value: (await gauges()).agents.offline }],
    });
    defineStateGauge(deps.metrics, {
      name: 'kapal_workers_online',
      help: 'Workers whose agent reported within the last 3 heartbeat intervals',
      labelNames: [] as const,
      cacheMs: 0,
      read: async () => [{ labels: {}, value: (await gauges()).agents.online }],
    });

    return {
      routes: (app) =>
        workersRoutes(app, { workers: service, guard: ports.authGuard, agentToken: deps.config.workerAgentToken }),
      jobHandlers: {
        'workers.drain': async ({ workerId, startedAt }: { workerId: string; startedAt: string }) =>
          service.runDrain(workerId, startedAt),
        'workers.maintenance-mail': async (
          {
            workerName,
            userId,
            subscriptionIds,
          }: {
            workerName: string;
            userId: string;
            subscriptionIds: string[];
          },
          ctx: { jobId: string },
        ) => {
          const user = await findAccount(db, userId);
          if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
          const apps = [];
          for (const id of subscriptionIds) {
            const row = await subscriptionsRepository.findWithPod(db, id);
            if (!row || row.subscription.userId !== userId || !isLive(row.subscription.status)) continue;
            const s = row.subscription;
            const plan = s.planId ? await findPlanForPurchase(db, s.planId) : undefined;
            apps.push({
              name: s.name,
              what: plan ? `${plan.service.name} (${plan.name})` : 'Your app',
              url: `https://${s.host}`,
            });
          }
          if (apps.length === 0) return { sent: false, reason: 'no live subscription left' };
          // Through the notifications port (a delivery once per job id, sent by the worker with retries).
          const mail = maintenanceMail({ userId, worker: workerName, apps, eventKey: `workers:${ctx.jobId}` });
          const queued = await ports.notifications.queue(mail);
          return { sent: true, deliveryId: queued.deliveryId };
        },
      },
      startInWorker: () => informer.start(),
      close: () => informer.stop(),
    };
  },
});
