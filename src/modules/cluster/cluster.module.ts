import { defineModule } from '../module.js';
import { clusterRoutes } from './cluster.routes.js';
import { createClusterService } from './cluster.service.js';
import { createInformerStatePublisher } from './informer-state.js';
import type { ClusterInventory } from './inventory.js';

declare module '../module.js' {
  interface Ports {
    clusterInventory: ClusterInventory;
  }
}

/**
 * Cluster operations that span modules: orphaned objects and their cleanup (/admin/pods/orphaned), the
 * Kubernetes debug view (/admin/debug/kubernetes), and, in a worker, publishing the informers' state.
 */
export const clusterModule = defineModule({
  name: 'cluster',
  needs: ['authGuard', 'audit', 'clusterInventory'],
  build(deps, ports) {
    const logger = deps.logger.child({ module: 'cluster' });
    const service = createClusterService({
      kube: deps.kube,
      database: deps.database,
      redis: deps.redis,
      queuePrefix: deps.config.queue.prefix,
      clock: deps.clock,
      logger,
      inventory: () => ports.clusterInventory,
      audit: () => ports.audit,
    });
    const publisher = createInformerStatePublisher({
      redis: deps.redis,
      kube: deps.kube,
      prefix: deps.config.queue.prefix,
      logger,
    });
    let publishing = false;
    return {
      routes: (app) => clusterRoutes(app, { service, guard: ports.authGuard }),
      startInWorker: async () => {
        publishing = true;
        await publisher.start();
      },
      close: async () => {
        if (publishing) await publisher.stop();
      },
    };
  },
});
