import { defineStateGauge } from '../../platform/metrics.js';
import { createQueueInspector } from '../../platform/queue/queue-inspector.js';
import { defineModule } from '../module.js';
import { queuesRoutes } from './queues.routes.js';
import { createQueuesService } from './queues.service.js';

/** The job states a queue's depth counts (completed jobs are history, not depth). */
const DEPTH_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/**
 * The background job queues for administrators: counts, latest failures, retry (audited); and their depth
 * by state for Prometheus (`kapal_queue_jobs`, read from Redis at scrape time: one call per queue).
 */
export const queuesModule = defineModule({
  name: 'queues',
  needs: ['authGuard', 'audit'],
  build(deps, ports) {
    const queues = createQueuesService({
      inspector: createQueueInspector({ queues: () => deps.jobs.queues() }),
      audit: ports.audit,
    });
    defineStateGauge(deps.metrics, {
      name: 'kapal_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, prioritized, failed)',
      labelNames: ['queue', 'state'] as const,
      read: async () => {
        const queues = [...deps.jobs.queues().entries()];
        const counts = await Promise.all(queues.map(([, queue]) => queue.getJobCounts(...DEPTH_STATES)));
        return queues.flatMap(([name], i) =>
          DEPTH_STATES.map((state) => ({ labels: { queue: name, state }, value: counts[i]![state] ?? 0 })),
        );
      },
    });
    return { routes: (app) => queuesRoutes(app, { queues, guard: ports.authGuard }) };
  },
});
