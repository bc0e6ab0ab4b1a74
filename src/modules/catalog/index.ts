export { catalogModule } from './catalog.module.js';
export { SEED_CATEGORIES, SEED_SERVICES } from './catalog.seed.js';
export type { CatalogUsage } from './catalog-usage.js';
export { findPlanForPurchase, findPlansForPurchase, type PlanForPurchase } from './plan-lookup.js';
