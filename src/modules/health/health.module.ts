import { defineModule } from '../module.js';
import { healthRoutes } from './health.routes.js';
import { createHealthService } from './health.service.js';

/** Operations endpoints outside /api/v1: liveness, readiness, metrics. */
export const healthModule = defineModule({
  name: 'health',
  mount: 'root',
  build(deps) {
    const health = createHealthService(deps);
    return {
      routes: (app) => healthRoutes(app, { health, metrics: deps.metrics, metricsToken: deps.config.metrics.token }),
    };
  },
});
