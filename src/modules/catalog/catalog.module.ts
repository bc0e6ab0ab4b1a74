import { defineModule } from '../module.js';
import { catalogRoutes } from './catalog.routes.js';
import { catalogSeedStep } from './catalog.seed.js';
import { createCatalogService } from './catalog.service.js';
import * as tables from './catalog.tables.js';
import { createPublicCatalog } from './catalog-cache.js';
import { type CatalogUsage, noSubscriptionsYet } from './catalog-usage.js';

declare module '../module.js' {
  interface Ports {
    /** "Do live subscriptions use this service or plan?" — provided by the subscriptions module. */
    catalogUsage: CatalogUsage;
  }
}

/** What customers can buy: categories, services and plans; public reads and administrators' changes. */
export const catalogModule = defineModule({
  name: 'catalog',
  tables,
  needs: ['authGuard', 'audit', 'templates', 'catalogUsage'],
  fallbacks: { catalogUsage: noSubscriptionsYet },
  build(deps, ports) {
    const service = createCatalogService({
      database: deps.database,
      templates: ports.templates,
      usage: ports.catalogUsage,
      audit: ports.audit,
    });
    // One per process, fed by the catalog tables' notifications; the public routes answer from it.
    const publicCatalog = createPublicCatalog({ service, changes: deps.dbNotifications });
    return {
      routes: (app) => catalogRoutes(app, { service, publicCatalog, guard: ports.authGuard }),
      seed: () => catalogSeedStep.run({ database: deps.database, templates: ports.templates }),
    };
  },
});
