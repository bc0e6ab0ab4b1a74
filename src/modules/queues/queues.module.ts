import { createQueueInspector } from '../../platform/queue/queue-inspector.js';
import { defineModule } from '../module.js';
import { queuesRoutes } from './queues.routes.js';
import { createQueuesService } from './queues.service.js';

/** The background job queues for administrators: counts, latest failures, retry (audited). */
export const queuesModule = defineModule({
  name: 'queues',
  needs: ['authGuard', 'audit'],
  build(deps, ports) {
    const queues = createQueuesService({
      inspector: createQueueInspector({ queues: () => deps.jobs.queues() }),
      audit: ports.audit,
    });
    return { routes: (app) => queuesRoutes(app, { queues, guard: ports.authGuard }) };
  },
});
