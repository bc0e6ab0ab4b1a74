export { catalogRoutes } from './catalog.routes.js';
export { categories, plans, services } from './catalog.schema.js';
export { catalogSeedStep, SEED_CATEGORIES, SEED_SERVICES } from './catalog.seed.js';
export { type CatalogService, createCatalogService } from './catalog.service.js';
export { type CatalogUsage, noSubscriptionsYet } from './catalog-usage.js';
