import { defineModule } from '../module.js';
import { workersRoutes } from './workers.routes.js';
import { createWorkersService } from './workers.service.js';
import * as tables from './workers.tables.js';

/** The cluster's worker nodes for administrators: live reads, cordon, uncordon, drain (audited). */
export const workersModule = defineModule({
  name: 'workers',
  tables,
  needs: ['authGuard', 'audit'],
  build(deps, ports) {
    const workers = createWorkersService({ kube: deps.kube, audit: ports.audit });
    return { routes: (app) => workersRoutes(app, { workers, guard: ports.authGuard }) };
  },
});
